package dev.signalbox.panel.targetgroup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.KeysetQuery;
import dev.signalbox.panel.paging.NameFilter;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
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
    private final EntityManager entityManager;
    private final ResourceLimits limits;
    private final Clock clock;

    TargetGroups(TargetGroupRepository repository, LoadBalancers loadBalancers, Listeners listeners,
            EntityManager entityManager, ResourceLimits limits, Clock clock) {
        this.repository = repository;
        this.entityManager = entityManager;
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
    Page<TargetGroupInfo> list(UUID tenantId, UUID loadBalancerId, NameFilter names, PageQuery page) {
        loadBalancers.require(tenantId, loadBalancerId);
        return KeysetQuery.of(entityManager, TargetGroup.class, "name")
                .whereEqual("tenantId", tenantId)
                .whereEqual("loadBalancerId", loadBalancerId)
                .named("name", names)
                .page(page)
                .map(TargetGroup::info);
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
            TargetGroupSettings settings, IfMatch ifMatch) {
        UUID tenantId = actor.tenantId();
        TargetGroup group = loadLocked(tenantId, loadBalancerId, targetGroupId);
        ifMatch.verify(group.info().entityTag());
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
    public void delete(SignalboxPrincipal actor, UUID loadBalancerId, UUID targetGroupId, IfMatch ifMatch) {
        UUID tenantId = actor.tenantId();
        TargetGroup group = loadLocked(tenantId, loadBalancerId, targetGroupId);
        ifMatch.verify(group.info().entityTag());
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
                .orElseThrow(() -> notFound(loadBalancerId, targetGroupId));
    }

    /** The same, with its row locked: an If-Match check and the change it guards cannot interleave with another. */
    private TargetGroup loadLocked(UUID tenantId, UUID loadBalancerId, UUID targetGroupId) {
        loadBalancers.require(tenantId, loadBalancerId);
        return repository.findLockedByIdAndTenantIdAndLoadBalancerId(targetGroupId, tenantId, loadBalancerId)
                .orElseThrow(() -> notFound(loadBalancerId, targetGroupId));
    }

    private static NotFoundException notFound(UUID loadBalancerId, UUID targetGroupId) {
        return new NotFoundException("No target group " + targetGroupId + " in load balancer " + loadBalancerId);
    }
}
