package dev.signalbox.panel.telemetry;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Traffic summed over nodes and time.
 *
 * @param responses     responses by status class: index 0 is 1xx, 4 is 5xx
 * @param latencyCounts responses per latency bucket ({@link dev.signalbox.protocol.LatencyBuckets})
 */
public record TrafficCounts(long requests, List<Long> responses, long bytesReceived, long bytesSent,
        List<Long> latencyCounts) {

    public TrafficCounts {
        responses = List.copyOf(responses);
        latencyCounts = List.copyOf(latencyCounts);
    }

    public long responses(int statusClass) {
        return responses.get(statusClass - 1);
    }

    /** The latency quantile in ms (see {@link LatencyQuantiles}); null when nothing was answered. */
    public @Nullable Double latencyMillis(double quantile) {
        return LatencyQuantiles.estimate(latencyCounts, quantile);
    }
}
