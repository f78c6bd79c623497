package dev.signalbox.node.health;

import java.util.ArrayList;
import java.util.List;

import dev.signalbox.node.outlier.OutlierDetector;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * The targets of a group that selection may use. Targets that are neither unhealthy nor ejected by
 * outlier detection, unless too few of the targets taking traffic are left: then panic mode uses all
 * of them, failing open as ALB does.
 *
 * @param targets the targets to balance over
 * @param panic   whether too few were healthy and all targets are used
 */
public record HealthyTargets(List<TargetSnapshot> targets, boolean panic) {

    public static HealthyTargets of(TargetGroupSnapshot group, TargetHealthRegistry registry, OutlierDetector outliers,
            int panicThresholdPercent) {
        List<TargetSnapshot> healthy = new ArrayList<>(group.targets().size());
        int takingTraffic = 0;
        int healthyTakingTraffic = 0;
        for (TargetSnapshot target : group.targets()) {
            boolean usable = registry.state(group.id(), target) != HealthState.UNHEALTHY
                    && !outliers.isEjected(group.id(), target);
            if (usable) {
                healthy.add(target);
            }
            // drained targets (weight 0) take no traffic either way, so they do not count towards panic
            if (target.weight() > 0) {
                takingTraffic++;
                healthyTakingTraffic += usable ? 1 : 0;
            }
        }
        boolean panic = takingTraffic > 0
                && (healthyTakingTraffic == 0 || healthyTakingTraffic * 100 < panicThresholdPercent * takingTraffic);
        return panic ? new HealthyTargets(group.targets(), true) : new HealthyTargets(healthy, false);
    }
}
