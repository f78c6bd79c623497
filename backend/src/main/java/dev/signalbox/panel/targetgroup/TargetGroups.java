package dev.signalbox.panel.targetgroup;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.loadbalancer.Listeners;
import dev.signalbox.panel.loadbalancer.LoadBalancers;
import dev.signalbox.panel.problem.ConflictException;
import dev.signalbox.panel.problem.NotFoundException;

/** Target groups of load balancers. */
@Service
public class TargetGroups {

    private final TargetGroupRepository repository;
    private final LoadBalancers loadBalancers;
    private final Listeners listeners;
    private final Clock clock;

    TargetGroups(TargetGroupRepository repository, LoadBalancers loadBalancers, Listeners listeners, Clock clock) {
        this.repository = repository;
        this.loadBalancers = loadBalancers;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** The target groups of a load balancer, by name (the load balancer is assumed to be in the tenant). */
    @Transactional(readOnly = true)
    public List<TargetGroupInfo> of(UUID tenantId, UUID loadBalancerId) {
        return repository.findByTenantIdAndLoadBalancerIdOrderByName(tenantId, loadBalancerId).stream()
                .map(TargetGroup::info).toList();
    }

    @Transactional(readOnly = true)
    List<TargetGroupInfo> list(UUID tenantId, UUID loadBalancerId) {
        loadBalancers.require(tenantId, loadBalancerId);
        return of(tenantId, loadBalancerId);
    }

    @Transactional(readOnly = true)
    TargetGroupInfo get(UUID tenantId, UUID loadBalancerId, UUID targetGroupId) {
        return load(tenantId, loadBalancerId, targetGroupId).info();
    }

    @Transactional
    TargetGroupInfo create(SignalboxPrincipal actor, UUID loadBalancerId, TargetGroupSettings settings) {
        UUID tenantId = actor.tenantId();
        loadBalancers.require(tenantId, loadBalancerId);
        if (repository.existsByLoadBalancerIdAndName(loadBalancerId, settings.name())) {
            throw new ConflictException("The load balancer already has a target group named '" + settings.name() + "'");
        }
        TargetGroup group = repository.saveAndFlush(new TargetGroup(tenantId, loadBalancerId, settings.name(),
                settings.protocol(), settings.algorithm(), settings.healthCheck(), clock.instant()));
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(), "Target group " + settings.name() + " created");
        return group.info();
    }

    @Transactional
    void delete(SignalboxPrincipal actor, UUID loadBalancerId, UUID targetGroupId) {
        UUID tenantId = actor.tenantId();
        TargetGroup group = load(tenantId, loadBalancerId, targetGroupId);
        if (listeners.anyForwardsTo(tenantId, targetGroupId)) {
            throw new ConflictException("A listener forwards to target group '" + group.name()
                    + "'; change or remove that listener first");
        }
        repository.delete(group);
        repository.flush();
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(), "Target group " + group.name() + " deleted");
    }

    /** The target group, if it exists under that load balancer of the tenant. */
    TargetGroup load(UUID tenantId, UUID loadBalancerId, UUID targetGroupId) {
        loadBalancers.require(tenantId, loadBalancerId);
        return repository.findByIdAndTenantIdAndLoadBalancerId(targetGroupId, tenantId, loadBalancerId)
                .orElseThrow(() -> new NotFoundException("No target group " + targetGroupId + " in load balancer "
                        + loadBalancerId));
    }
}
