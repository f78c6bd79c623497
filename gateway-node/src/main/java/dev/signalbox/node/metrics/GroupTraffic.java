package dev.signalbox.node.metrics;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.micrometer.core.instrument.Counter;

/**
 * A target group's counters, its targets' counters and its request counters per status class, as
 * the requests forwarded to it record them.
 *
 * @param requestsByStatusClass Prometheus counters, indexed by status class (0: no status)
 */
record GroupTraffic(UUID id, TrafficCounters counters, Map<UUID, TrafficCounters> targets,
        Counter[] requestsByStatusClass) {

    @Nullable TrafficCounters target(UUID targetId) {
        return targets.get(targetId);
    }
}
