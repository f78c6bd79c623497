package dev.signalbox.panel.loadbalancer;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.KeysetQuery;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
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
    private final EntityManager entityManager;
    private final Clock clock;

    Listeners(ListenerRepository repository, LoadBalancers loadBalancers, TargetGroupReferences targetGroups,
            EntityManager entityManager, Clock clock) {
        this.repository = repository;
        this.entityManager = entityManager;
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

    /** A page of the load balancer's listeners, by port (unique per load balancer, so a stable order). */
    @Transactional(readOnly = true)
    Page<ListenerInfo> list(UUID tenantId, UUID loadBalancerId, PageQuery page) {
        loadBalancers.require(tenantId, loadBalancerId);
        return KeysetQuery.of(entityManager, Listener.class, "port")
                .whereEqual("tenantId", tenantId)
                .whereEqual("loadBalancerId", loadBalancerId)
                .page(page)
                .map(Listener::info);
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
        requirePortFree(loadBalancerId, protocol, port);
        Listener listener = repository.saveAndFlush(
                new Listener(tenantId, loadBalancerId, protocol, port, targetGroupId, clock.instant()));
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(), "Listener " + protocol + ":" + port + " added");
        return listener.info();
    }

    @Transactional
    void delete(SignalboxPrincipal actor, UUID loadBalancerId, UUID listenerId, IfMatch ifMatch) {
        UUID tenantId = actor.tenantId();
        loadBalancers.require(tenantId, loadBalancerId);
        Listener listener = repository.findLockedByIdAndTenantIdAndLoadBalancerId(listenerId, tenantId, loadBalancerId)
                .orElseThrow(() -> notFound(loadBalancerId, listenerId));
        ListenerInfo info = listener.info();
        ifMatch.verify(info.entityTag());
        repository.delete(listener);
        repository.flush();
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(),
                "Listener " + info.protocol() + ":" + info.port() + " removed");
    }

    /**
     * A port is free for a new listener unless the load balancer listens on it already, or a TCP
     * listener is involved on another load balancer: a TCP listener owns its port fleet-wide.
     */
    void requirePortFree(UUID loadBalancerId, ListenerProtocol protocol, int port) {
        if (repository.existsByLoadBalancerIdAndPort(loadBalancerId, port)) {
            throw new ConflictException("The load balancer already has a listener on port " + port);
        }
        boolean taken = protocol == ListenerProtocol.TCP
                ? repository.existsByPortAndLoadBalancerIdNot(port, loadBalancerId)
                : repository.existsByPortAndProtocolAndLoadBalancerIdNot(port, ListenerProtocol.TCP, loadBalancerId);
        if (taken) {
            throw new ConflictException("Port " + port + " is taken by another load balancer's "
                    + (protocol == ListenerProtocol.TCP ? "listener" : "TCP listener") + "; choose another port");
        }
    }

    private Listener load(UUID tenantId, UUID loadBalancerId, UUID listenerId) {
        return repository.findByIdAndTenantIdAndLoadBalancerId(listenerId, tenantId, loadBalancerId)
                .orElseThrow(() -> notFound(loadBalancerId, listenerId));
    }

    private static NotFoundException notFound(UUID loadBalancerId, UUID listenerId) {
        return new NotFoundException("No listener " + listenerId + " in load balancer " + loadBalancerId);
    }
}
