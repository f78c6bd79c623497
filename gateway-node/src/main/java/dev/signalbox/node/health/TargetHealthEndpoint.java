package dev.signalbox.node.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.stereotype.Component;

import dev.signalbox.node.outlier.OutlierDetector;
import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.routing.AppliedLoadBalancer;
import dev.signalbox.node.routing.DrainingTargets;
import dev.signalbox.node.routing.DrainingTargets.DrainingTarget;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetHealthState;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * {@code /actuator/targets} on the admin port: the health of every target as this node sees it,
 * per load balancer and target group, until when outlier detection has ejected it, and whether a
 * group is in panic mode; deregistered targets still finishing requests are listed as
 * {@code DRAINING}, under their old group if it is gone;
 * {@code /actuator/targets/{loadBalancerId}} for one load balancer (404 if the node does not serve it).
 */
@Component
@Endpoint(id = "targets")
public class TargetHealthEndpoint {

    public record LoadBalancerHealth(UUID id, String name, long revision, List<GroupHealth> targetGroups) {
    }

    public record GroupHealth(UUID id, String name, boolean panic, List<TargetHealthView> targets) {
    }

    public record TargetHealthView(UUID id, String host, int port, String state, @Nullable String reason,
            Instant since, @Nullable Instant ejectedUntil, List<ProbeView> recentProbes) {
    }

    public record ProbeView(Instant at, long latencyMillis, String outcome, @Nullable Integer statusCode) {
    }

    private final ActiveConfig activeConfig;
    private final TargetHealthRegistry registry;
    private final OutlierDetector outliers;
    private final HealthProperties properties;
    private final DrainingTargets drainingTargets;

    public TargetHealthEndpoint(ActiveConfig activeConfig, TargetHealthRegistry registry, OutlierDetector outliers,
            HealthProperties properties, DrainingTargets drainingTargets) {
        this.activeConfig = activeConfig;
        this.registry = registry;
        this.outliers = outliers;
        this.properties = properties;
        this.drainingTargets = drainingTargets;
    }

    @ReadOperation
    public List<LoadBalancerHealth> targets() {
        return activeConfig.current().loadBalancers().stream()
                .map(this::loadBalancer)
                .toList();
    }

    @ReadOperation
    public @Nullable LoadBalancerHealth loadBalancer(@Selector UUID loadBalancerId) {
        AppliedLoadBalancer applied = activeConfig.current().loadBalancer(loadBalancerId);
        return applied == null ? null : loadBalancer(applied);
    }

    private LoadBalancerHealth loadBalancer(AppliedLoadBalancer applied) {
        Map<UUID, List<DrainingTarget>> drainingByGroup = drainingTargets.draining(applied.id()).stream()
                .collect(Collectors.groupingBy(DrainingTarget::targetGroupId));
        List<GroupHealth> groups = new ArrayList<>();
        for (TargetGroupSnapshot group : applied.snapshot().targetGroups()) {
            groups.add(group(group, drainingByGroup.getOrDefault(group.id(), List.of())));
            drainingByGroup.remove(group.id());
        }
        // groups removed from the load balancer, while their targets finish their requests
        drainingByGroup.forEach((groupId, draining) -> groups.add(new GroupHealth(groupId,
                draining.get(0).targetGroupName(), false, draining.stream().map(this::draining).toList())));
        return new LoadBalancerHealth(applied.id(), applied.snapshot().name(), applied.snapshot().revision(), groups);
    }

    private GroupHealth group(TargetGroupSnapshot group, List<DrainingTarget> draining) {
        boolean panic = HealthyTargets.of(group, registry, outliers, properties.panicThresholdPercent()).panic();
        List<TargetHealthView> targets = new ArrayList<>();
        group.targets().forEach(target -> targets.add(target(group.id(), target)));
        draining.forEach(target -> targets.add(draining(target)));
        return new GroupHealth(group.id(), group.name(), panic, targets);
    }

    private TargetHealthView draining(DrainingTarget draining) {
        TargetSnapshot target = draining.target();
        return new TargetHealthView(target.id(), target.host(), target.port(), TargetHealthState.DRAINING.name(),
                HealthReason.DEREGISTRATION_IN_PROGRESS.code(), draining.since(), null, List.of());
    }

    private TargetHealthView target(UUID groupId, TargetSnapshot target) {
        TargetHealth health = registry.health(groupId, target);
        return new TargetHealthView(target.id(), target.host(), target.port(), health.state().name(),
                health.reason() == null ? null : health.reason().code(), health.since(),
                outliers.ejectedUntil(groupId, target), health.recentProbes().stream()
                        .map(probe -> new ProbeView(probe.at(), probe.latencyMillis(), probe.outcome().name(),
                                probe.statusCode()))
                        .toList());
    }
}
