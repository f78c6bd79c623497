package dev.signalbox.node.health;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health check settings of this node, under {@code signalbox.node.health.*}; the probes themselves
 * follow each target group's settings in the snapshot.
 *
 * @param panicThresholdPercent below this share of healthy targets a group spreads over all of its
 *                              targets (fail open); 0 means only when none is healthy
 * @param recentProbes          how many probe results are kept per target
 * @param maxConcurrentProbes   probes of one group in flight at once
 */
@ConfigurationProperties("signalbox.node.health")
public record HealthProperties(
        @DefaultValue("0") int panicThresholdPercent,
        @DefaultValue("10") int recentProbes,
        @DefaultValue("16") int maxConcurrentProbes) {
}
