package dev.signalbox.protocol;

import java.time.Instant;
import java.util.List;

/**
 * One node's traffic during one metrics window (a few seconds), per load balancer, target group
 * and target. Windows with no traffic and nothing in flight are left out.
 *
 * @param schemaVersion version of this message's shape, {@link #SCHEMA_VERSION} when written
 * @param nodeId        the node
 * @param windowStart   start of the window (inclusive)
 * @param windowEnd     end of the window (exclusive), the next window's start
 * @param windows       the traffic, in any order
 */
public record MetricsReport(int schemaVersion, String nodeId, Instant windowStart, Instant windowEnd,
        List<TrafficWindow> windows) {

    public static final int SCHEMA_VERSION = 1;

    public MetricsReport {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
