package dev.signalbox.panel.telemetry;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Redis layout of the live state: a sorted set of nodes scored by their last heartbeat (epoch ms)
 * and, per load balancer, a hash node id → {@code revision:appliedAtEpochMillis}; per node its last
 * status report (version, bound ports, applied revisions) for the operator's fleet view.
 */
final class LiveStateKeys {

    static final String HEARTBEATS = "signalbox:node-heartbeats";

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
}
