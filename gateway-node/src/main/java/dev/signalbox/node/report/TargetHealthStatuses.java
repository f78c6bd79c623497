package dev.signalbox.node.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.node.health.HealthReason;
import dev.signalbox.node.health.HealthState;
import dev.signalbox.node.health.HealthyTargets;
import dev.signalbox.node.health.ProbeResult;
import dev.signalbox.node.health.TargetHealth;
import dev.signalbox.node.health.TargetHealthRegistry;
import dev.signalbox.node.outlier.OutlierDetector;
import dev.signalbox.node.routing.AppliedConfig;
import dev.signalbox.node.routing.AppliedLoadBalancer;
import dev.signalbox.node.routing.DrainingTargets.DrainingTarget;
import dev.signalbox.protocol.ProbeSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetHealthState;
import dev.signalbox.protocol.TargetHealthStatus;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * The health of every target the node checks, as the protocol reports it. The served config says
 * which targets those are and which load balancer each belongs to; the health registry says how
 * they are, and the outlier detector whether passive detection has ejected them; deregistered
 * targets still finishing their requests are reported as draining.
 */
final class TargetHealthStatuses {

    private TargetHealthStatuses() {
    }

    /** Every target of every group of {@code config}: the groups the health checks probe. */
    static List<TargetHealthStatus> of(AppliedConfig config, TargetHealthRegistry registry, OutlierDetector outliers,
            List<DrainingTarget> draining) {
        List<TargetHealthStatus> statuses = new ArrayList<>();
        for (AppliedLoadBalancer loadBalancer : config.loadBalancers()) {
            for (TargetGroupSnapshot group : loadBalancer.snapshot().targetGroups()) {
                for (TargetSnapshot target : group.targets()) {
                    statuses.add(of(loadBalancer.id(), group.id(), target, registry.health(group.id(), target),
                            outliers.ejectedUntil(group.id(), target)));
                }
            }
        }
        draining.forEach(target -> statuses.add(of(target)));
        return statuses;
    }

    /** The groups of {@code config} in panic mode: too few healthy targets, so requests go to all. */
    static List<UUID> panicGroups(AppliedConfig config, TargetHealthRegistry registry, OutlierDetector outliers,
            int panicThresholdPercent) {
        List<UUID> panicking = new ArrayList<>();
        for (AppliedLoadBalancer loadBalancer : config.loadBalancers()) {
            for (TargetGroupSnapshot group : loadBalancer.snapshot().targetGroups()) {
                if (HealthyTargets.of(group, registry, outliers, panicThresholdPercent).panic()) {
                    panicking.add(group.id());
                }
            }
        }
        return panicking;
    }

    /** A deregistered target still finishing its requests. */
    static TargetHealthStatus of(DrainingTarget draining) {
        TargetSnapshot target = draining.target();
        return new TargetHealthStatus(draining.loadBalancerId(), draining.targetGroupId(), target.id(), target.host(),
                target.port(), TargetHealthState.DRAINING, HealthReason.DEREGISTRATION_IN_PROGRESS.code(),
                draining.since(), null, List.of());
    }

    static TargetHealthStatus of(UUID loadBalancerId, UUID groupId, TargetSnapshot target, TargetHealth health,
            @Nullable Instant ejectedUntil) {
        HealthReason reason = health.reason();
        return new TargetHealthStatus(loadBalancerId, groupId, target.id(), target.host(), target.port(),
                stateOf(health.state()), reason == null ? null : reason.code(), health.since(), ejectedUntil,
                health.recentProbes().stream().map(TargetHealthStatuses::probeOf).toList());
    }

    static TargetHealthState stateOf(HealthState state) {
        return switch (state) {
            case INITIAL -> TargetHealthState.INITIAL;
            case HEALTHY -> TargetHealthState.HEALTHY;
            case UNHEALTHY -> TargetHealthState.UNHEALTHY;
        };
    }

    static ProbeSnapshot probeOf(ProbeResult probe) {
        HealthReason failure = probe.outcome().failureReason();
        return new ProbeSnapshot(probe.at(), probe.latencyMillis(), failure == null,
                failure == null ? null : failure.code(), probe.statusCode());
    }
}
