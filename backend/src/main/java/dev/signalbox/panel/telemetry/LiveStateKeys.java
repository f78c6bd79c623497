package dev.signalbox.panel.telemetry;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Redis layout of the live state: a sorted set of nodes scored by their last heartbeat (epoch ms)
 * and, per load balancer, a hash node id → {@code revision:appliedAtEpochMillis}.
 */
final class LiveStateKeys {

    static final String HEARTBEATS = "signalbox:node-heartbeats";

    private LiveStateKeys() {
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
