package dev.signalbox.panel.targetgroup;

import java.time.Clock;
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
import dev.signalbox.panel.problem.ConflictException;
import dev.signalbox.panel.problem.NotFoundException;

/** Target groups of load balancers. */
@Service
public class TargetGroups {

    private final TargetGroupRepository repository;
    private final LoadBalancers loadBalancers;
    private final Listeners listeners;
    private final EntityManager entityManager;
    private final Clock clock;

    TargetGroups(TargetGroupRepository repository, LoadBalancers loadBalancers, Listeners listeners,
            EntityManager entityManager, Clock clock) {
        this.repository = repository;
        this.entityManager = entityManager;
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
    void delete(SignalboxPrincipal actor, UUID loadBalancerId, UUID targetGroupId, IfMatch ifMatch) {
        UUID tenantId = actor.tenantId();
        loadBalancers.require(tenantId, loadBalancerId);
        TargetGroup group = repository.findLockedByIdAndTenantIdAndLoadBalancerId(targetGroupId, tenantId,
                loadBalancerId).orElseThrow(() -> notFound(loadBalancerId, targetGroupId));
        ifMatch.verify(group.info().entityTag());
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
                .orElseThrow(() -> notFound(loadBalancerId, targetGroupId));
    }

    private static NotFoundException notFound(UUID loadBalancerId, UUID targetGroupId) {
        return new NotFoundException("No target group " + targetGroupId + " in load balancer " + loadBalancerId);
    }
}
