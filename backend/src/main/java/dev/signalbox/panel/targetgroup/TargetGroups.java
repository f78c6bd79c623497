package dev.signalbox.panel.targetgroup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.loadbalancer.Listeners;
import dev.signalbox.panel.loadbalancer.LoadBalancers;
import dev.signalbox.panel.loadbalancer.ResourceLimits;
import dev.signalbox.panel.problem.ConflictException;
import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.panel.problem.NotFoundException;

/** Target groups of load balancers. */
@Service
public class TargetGroups {

    private final TargetGroupRepository repository;
    private final LoadBalancers loadBalancers;
    private final Listeners listeners;
    private final ResourceLimits limits;
    private final Clock clock;

    TargetGroups(TargetGroupRepository repository, LoadBalancers loadBalancers, Listeners listeners,
            ResourceLimits limits, Clock clock) {
        this.repository = repository;
        this.loadBalancers = loadBalancers;
        this.listeners = listeners;
        this.limits = limits;
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
    public TargetGroupInfo get(UUID tenantId, UUID loadBalancerId, UUID targetGroupId) {
        return load(tenantId, loadBalancerId, targetGroupId).info();
    }

    @Transactional
    public TargetGroupInfo create(SignalboxPrincipal actor, UUID loadBalancerId, TargetGroupSettings settings) {
        UUID tenantId = actor.tenantId();
        loadBalancers.require(tenantId, loadBalancerId);
        FieldViolation.throwIfAny(TargetGroupRules.validate(settings, ""));
        if (repository.existsByLoadBalancerIdAndName(loadBalancerId, settings.name())) {
            throw new ConflictException("The load balancer already has a target group named '" + settings.name() + "'");
        }
        ResourceLimits.check(repository.countByLoadBalancerId(loadBalancerId) + 1, limits.targetGroupsPerLoadBalancer(),
                "target-groups-per-load-balancer", "target groups per load balancer");
        TargetGroup group = repository.saveAndFlush(new TargetGroup(tenantId, loadBalancerId, settings, clock.instant()));
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(), "Target group " + settings.name() + " created");
        return group.info();
    }

    /** Replaces a group's settings; its protocol cannot change, since listeners forward to it by protocol. */
    @Transactional
    public TargetGroupInfo update(SignalboxPrincipal actor, UUID loadBalancerId, UUID targetGroupId,
            TargetGroupSettings settings) {
        UUID tenantId = actor.tenantId();
        TargetGroup group = load(tenantId, loadBalancerId, targetGroupId);
        List<FieldViolation> violations = new ArrayList<>(TargetGroupRules.validate(settings, ""));
        if (settings.protocol() != group.protocol()) {
            violations.add(new FieldViolation("/protocol", "the protocol of a target group cannot change (it is "
                    + group.protocol() + "); create a new group instead"));
        }
        FieldViolation.throwIfAny(violations);
        if (!settings.name().equals(group.name()) && repository.existsByLoadBalancerIdAndName(loadBalancerId,
                settings.name())) {
            throw new ConflictException("The load balancer already has a target group named '" + settings.name() + "'");
        }
        group.change(settings);
        repository.flush();
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(), "Target group " + settings.name() + " updated");
        return group.info();
    }

    @Transactional
    public void delete(SignalboxPrincipal actor, UUID loadBalancerId, UUID targetGroupId) {
        UUID tenantId = actor.tenantId();
        TargetGroup group = load(tenantId, loadBalancerId, targetGroupId);
        if (listeners.anyForwardsTo(tenantId, targetGroupId)) {
            throw new ConflictException("A listener or rule forwards to target group '" + group.name()
                    + "'; change or remove it first");
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
