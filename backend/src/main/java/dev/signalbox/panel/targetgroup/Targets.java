package dev.signalbox.panel.targetgroup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.KeysetQuery;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
import dev.signalbox.panel.loadbalancer.LoadBalancers;
import dev.signalbox.panel.loadbalancer.ResourceLimits;
import dev.signalbox.panel.problem.NotFoundException;

/** Targets registered in target groups. */
@Service
public class Targets {

    private final TargetRepository repository;
    private final TargetGroups targetGroups;
    private final LoadBalancers loadBalancers;
    private final EntityManager entityManager;
    private final ResourceLimits limits;
    private final Clock clock;

    Targets(TargetRepository repository, TargetGroups targetGroups, LoadBalancers loadBalancers,
            EntityManager entityManager, ResourceLimits limits, Clock clock) {
        this.repository = repository;
        this.entityManager = entityManager;
        this.targetGroups = targetGroups;
        this.loadBalancers = loadBalancers;
        this.limits = limits;
        this.clock = clock;
    }

    /** Every target of every target group of a load balancer (assumed to be in the tenant). */
    @Transactional(readOnly = true)
    public List<TargetInfo> ofLoadBalancer(UUID tenantId, UUID loadBalancerId) {
        return repository.findByLoadBalancer(tenantId, loadBalancerId).stream().map(Target::info).toList();
    }

    /** A wanted registration: host (lower case), port (null: the group's) and weight. */
    public record Registration(String host, @Nullable Integer port, int weight) {

        String address(int defaultPort) {
            return host + ":" + (port == null ? defaultPort : port);
        }
    }

    /** A target to deregister: host (lower case) and port (null: the group's). */
    public record Address(String host, @Nullable Integer port) {

        String address(int defaultPort) {
            return host + ":" + (port == null ? defaultPort : port);
        }
    }

    /** A page of the group's targets in registration order (targets have no name). */
    @Transactional(readOnly = true)
    Page<TargetInfo> list(UUID tenantId, UUID loadBalancerId, UUID targetGroupId, PageQuery page) {
        targetGroups.load(tenantId, loadBalancerId, targetGroupId);
        return KeysetQuery.of(entityManager, Target.class, "createdAt")
                .whereEqual("tenantId", tenantId)
                .whereEqual("targetGroupId", targetGroupId)
                .page(page)
                .map(Target::info);
    }

    /** Every target of the group, by host and port. */
    @Transactional(readOnly = true)
    List<TargetInfo> registered(UUID tenantId, UUID loadBalancerId, UUID targetGroupId) {
        targetGroups.load(tenantId, loadBalancerId, targetGroupId);
        return current(tenantId, targetGroupId);
    }

    @Transactional(readOnly = true)
    TargetInfo get(UUID tenantId, UUID loadBalancerId, UUID targetGroupId, UUID targetId) {
        targetGroups.load(tenantId, loadBalancerId, targetGroupId);
        return repository.findByIdAndTenantIdAndTargetGroupId(targetId, tenantId, targetGroupId)
                .orElseThrow(() -> notFound(targetGroupId, targetId)).info();
    }

    /** Registers targets; one already registered at the same host and port keeps its id and takes the new weight. */
    @Transactional
    public List<TargetInfo> register(SignalboxPrincipal actor, UUID loadBalancerId, UUID targetGroupId,
            List<Registration> registrations) {
        UUID tenantId = actor.tenantId();
        TargetGroup group = targetGroups.load(tenantId, loadBalancerId, targetGroupId);
        Map<String, Target> existing = repository.findByTenantIdAndTargetGroupIdOrderByHostAscPortAsc(tenantId,
                targetGroupId).stream().collect(Collectors.toMap(Target::address, Function.identity()));
        Map<String, Registration> wanted = new LinkedHashMap<>();
        registrations.forEach(registration -> wanted.put(registration.address(group.port()), registration));
        long added = wanted.keySet().stream().filter(address -> !existing.containsKey(address)).count();
        ResourceLimits.check(existing.size() + added, limits.targetsPerTargetGroup(), "targets-per-target-group",
                "targets per target group");
        for (Map.Entry<String, Registration> entry : wanted.entrySet()) {
            Registration registration = entry.getValue();
            Target target = existing.get(entry.getKey());
            if (target != null) {
                target.reweigh(registration.weight());
            } else {
                int port = registration.port() == null ? group.port() : registration.port();
                repository.save(new Target(tenantId, targetGroupId, registration.host(), port,
                        registration.weight(), clock.instant()));
            }
        }
        repository.flush();
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(),
                wanted.size() + " target(s) registered in " + group.name());
        return current(tenantId, targetGroupId);
    }

    /** Deregisters targets by address; addresses not registered are ignored, so a retried call is harmless. */
    @Transactional
    public List<TargetInfo> deregister(SignalboxPrincipal actor, UUID loadBalancerId, UUID targetGroupId,
            List<Address> addresses) {
        UUID tenantId = actor.tenantId();
        TargetGroup group = targetGroups.load(tenantId, loadBalancerId, targetGroupId);
        Map<String, Target> existing = repository.findByTenantIdAndTargetGroupIdOrderByHostAscPortAsc(tenantId,
                targetGroupId).stream().collect(Collectors.toMap(Target::address, Function.identity()));
        List<String> removed = new ArrayList<>();
        for (Address address : addresses) {
            Target target = existing.remove(address.address(group.port()));
            if (target != null) {
                repository.delete(target);
                removed.add(target.address());
            }
        }
        if (!removed.isEmpty()) {
            repository.flush();
            loadBalancers.revise(tenantId, loadBalancerId, actor.actor(), removed.size() + " target(s) deregistered from "
                    + group.name());
        }
        return current(tenantId, targetGroupId);
    }

    @Transactional
    void deregister(SignalboxPrincipal actor, UUID loadBalancerId, UUID targetGroupId, UUID targetId,
            IfMatch ifMatch) {
        UUID tenantId = actor.tenantId();
        TargetGroup group = targetGroups.load(tenantId, loadBalancerId, targetGroupId);
        Target target = repository.findLockedByIdAndTenantIdAndTargetGroupId(targetId, tenantId, targetGroupId)
                .orElseThrow(() -> notFound(targetGroupId, targetId));
        ifMatch.verify(target.info().entityTag());
        String address = target.address();
        repository.delete(target);
        repository.flush();
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(), address + " deregistered from " + group.name());
    }

    private static NotFoundException notFound(UUID targetGroupId, UUID targetId) {
        return new NotFoundException("No target " + targetId + " in target group " + targetGroupId);
    }

    private List<TargetInfo> current(UUID tenantId, UUID targetGroupId) {
        return repository.findByTenantIdAndTargetGroupIdOrderByHostAscPortAsc(tenantId, targetGroupId).stream()
                .map(Target::info).toList();
    }
}
