package dev.signalbox.panel.loadbalancer;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.problem.ConflictException;
import dev.signalbox.panel.problem.InvalidFieldException;
import dev.signalbox.panel.problem.NotFoundException;
import dev.signalbox.protocol.ListenerProtocol;

/** Listeners of load balancers. */
@Service
public class Listeners {

    private final ListenerRepository repository;
    private final LoadBalancers loadBalancers;
    private final TargetGroupReferences targetGroups;
    private final Clock clock;

    Listeners(ListenerRepository repository, LoadBalancers loadBalancers, TargetGroupReferences targetGroups,
            Clock clock) {
        this.repository = repository;
        this.loadBalancers = loadBalancers;
        this.targetGroups = targetGroups;
        this.clock = clock;
    }

    /** The listeners of a load balancer, by port (the load balancer is assumed to be in the tenant). */
    @Transactional(readOnly = true)
    public List<ListenerInfo> of(UUID tenantId, UUID loadBalancerId) {
        return repository.findByTenantIdAndLoadBalancerIdOrderByPort(tenantId, loadBalancerId).stream()
                .map(Listener::info).toList();
    }

    /** Whether some listener forwards to the target group, which then must not be deleted. */
    @Transactional(readOnly = true)
    public boolean anyForwardsTo(UUID tenantId, UUID targetGroupId) {
        return repository.existsByTenantIdAndDefaultTargetGroupId(tenantId, targetGroupId);
    }

    @Transactional(readOnly = true)
    List<ListenerInfo> list(UUID tenantId, UUID loadBalancerId) {
        loadBalancers.require(tenantId, loadBalancerId);
        return of(tenantId, loadBalancerId);
    }

    @Transactional(readOnly = true)
    ListenerInfo get(UUID tenantId, UUID loadBalancerId, UUID listenerId) {
        loadBalancers.require(tenantId, loadBalancerId);
        return load(tenantId, loadBalancerId, listenerId).info();
    }

    @Transactional
    ListenerInfo create(SignalboxPrincipal actor, UUID loadBalancerId, ListenerProtocol protocol, int port,
            UUID targetGroupId) {
        UUID tenantId = actor.tenantId();
        loadBalancers.require(tenantId, loadBalancerId);
        if (!targetGroups.belongsTo(tenantId, loadBalancerId, targetGroupId)) {
            throw new InvalidFieldException("/defaultAction/targetGroupId",
                    "No target group " + targetGroupId + " in this load balancer");
        }
        if (repository.existsByLoadBalancerIdAndPort(loadBalancerId, port)) {
            throw new ConflictException("The load balancer already has a listener on port " + port);
        }
        Listener listener = repository.saveAndFlush(
                new Listener(tenantId, loadBalancerId, protocol, port, targetGroupId, clock.instant()));
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(), "Listener " + protocol + ":" + port + " added");
        return listener.info();
    }

    @Transactional
    void delete(SignalboxPrincipal actor, UUID loadBalancerId, UUID listenerId) {
        UUID tenantId = actor.tenantId();
        loadBalancers.require(tenantId, loadBalancerId);
        Listener listener = load(tenantId, loadBalancerId, listenerId);
        ListenerInfo info = listener.info();
        repository.delete(listener);
        repository.flush();
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(),
                "Listener " + info.protocol() + ":" + info.port() + " removed");
    }

    private Listener load(UUID tenantId, UUID loadBalancerId, UUID listenerId) {
        return repository.findByIdAndTenantIdAndLoadBalancerId(listenerId, tenantId, loadBalancerId)
                .orElseThrow(() -> new NotFoundException("No listener " + listenerId + " in load balancer "
                        + loadBalancerId));
    }
}
