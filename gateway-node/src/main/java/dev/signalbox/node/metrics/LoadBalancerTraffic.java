package dev.signalbox.node.metrics;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.LoadBalancerSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;

/**
 * Everything a request of one load balancer records into, resolved when a snapshot is applied so
 * that a request finds it with one lookup by id.
 *
 * @param snapshot              the snapshot it was built for
 * @param counters              the load balancer's own window: every request it answered
 * @param groups                its target groups by id
 * @param requestsByStatusClass Prometheus counters of the requests the node answered itself, indexed
 *                              by status class (0: no status)
 * @param latency               Prometheus timer of the time to the response
 * @param inFlight              Prometheus gauge of the requests in flight, reading {@code counters}
 */
record LoadBalancerTraffic(LoadBalancerSnapshot snapshot, TrafficCounters counters, Map<UUID, GroupTraffic> groups,
        Counter[] requestsByStatusClass, Timer latency, Gauge inFlight) {

    @Nullable GroupTraffic group(UUID groupId) {
        return groups.get(groupId);
    }
}
