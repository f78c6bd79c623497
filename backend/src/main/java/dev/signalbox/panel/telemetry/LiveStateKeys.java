package dev.signalbox.panel.telemetry;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Redis layout of the live state.
 * <ul>
 * <li>Node status: a sorted set of nodes scored by their last heartbeat (epoch ms); per load balancer
 * a hash node id → {@code revision:appliedAtEpochMillis}; per node its last status report (version,
 * bound ports, applied revisions) for the operator's fleet view.</li>
 * <li>Target health: per target group, a sorted set of the nodes that report it scored by when their
 * report arrived (epoch ms), and per (group, node) that node's statuses of the group's targets, as a
 * {@code TargetHealthReport} (JSON) with a TTL; per node the groups of its last report.</li>
 * <li>Traffic: per load balancer, group or target ({@link TrafficScope}), resolution and bucket start
 * a hash of counters ({@code requests}, {@code 1xx}…{@code 5xx}, {@code bytesIn}, {@code bytesOut},
 * {@code latency:<bucket>}) and each node's last in-flight value ({@code inflight:<node id>}).</li>
 * </ul>
 */
final class LiveStateKeys {

    static final String HEARTBEATS = "signalbox:node-heartbeats";

    static final String REQUESTS = "requests";
    static final String BYTES_IN = "bytesIn";
    static final String BYTES_OUT = "bytesOut";
    static final String IN_FLIGHT_PREFIX = "inflight:";
    private static final String LATENCY_PREFIX = "latency:";

    private LiveStateKeys() {
    }

    /** The last status report of a node, as the node sent it (JSON). */
    static String nodeReport(String nodeId) {
        return "signalbox:node:" + nodeId + ":report";
    }

    static String appliedRevisions(UUID loadBalancerId) {
        return "signalbox:lb:" + loadBalancerId + ":applied";
    }

    static String appliedValue(long revision, long appliedAtMillis) {
        return revision + ":" + appliedAtMillis;
    }

    /** Parses {@link #appliedValue}; null when the value is not in that form. */
    static long @Nullable [] parseApplied(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(value.substring(0, colon)), Long.parseLong(value.substring(colon + 1))};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String healthNodes(TargetGroupKey group) {
        return group.prefix() + ":health-nodes";
    }

    static String health(TargetGroupKey group, String nodeId) {
        return group.prefix() + ":health:" + nodeId;
    }

    /** The target groups a node's last health report named, as {@link TargetGroupKey#member()}s. */
    static String nodeHealthGroups(String nodeId) {
        return "signalbox:node:" + nodeId + ":health-groups";
    }

    static String traffic(TrafficScope scope, TrafficResolution resolution, long bucketStartEpochSecond) {
        StringBuilder key = new StringBuilder("signalbox:lb:").append(scope.loadBalancerId());
        if (scope.targetGroupId() != null) {
            key.append(":tg:").append(scope.targetGroupId());
            if (scope.targetId() != null) {
                key.append(":target:").append(scope.targetId());
            }
        }
        return key.append(":traffic:").append(resolution.label()).append(':').append(bucketStartEpochSecond).toString();
    }

    /** The counter of responses with a status in {@code statusClass} (1 to 5). */
    static String responses(int statusClass) {
        return statusClass + "xx";
    }

    static String latency(int bucket) {
        return LATENCY_PREFIX + bucket;
    }

    static String inFlight(String nodeId) {
        return IN_FLIGHT_PREFIX + nodeId;
    }

    /** A target group of a load balancer, as the health keys name it. */
    record TargetGroupKey(UUID loadBalancerId, UUID targetGroupId) {

        String prefix() {
            return "signalbox:lb:" + loadBalancerId + ":tg:" + targetGroupId;
        }

        String member() {
            return loadBalancerId + "/" + targetGroupId;
        }

        /** Parses {@link #member()}; null when the value is not in that form. */
        static @Nullable TargetGroupKey parse(String member) {
            int slash = member.indexOf('/');
            try {
                return slash < 0 ? null : new TargetGroupKey(UUID.fromString(member.substring(0, slash)),
                        UUID.fromString(member.substring(slash + 1)));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
