package dev.signalbox.panel.telemetry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.LatencyBuckets;

/** Adds up traffic buckets as Redis holds them (field → number) into one {@link TrafficCounts}. */
final class TrafficSum {

    private long requests;
    private final long[] responses = new long[5];
    private long bytesReceived;
    private long bytesSent;
    private final long[] latency = new long[LatencyBuckets.COUNT];
    /** Node id → its last in-flight value seen, buckets being added oldest first. */
    private final Map<String, Long> inFlight = new HashMap<>();

    void addBucket(Map<?, ?> fields) {
        requests += number(fields, LiveStateKeys.REQUESTS);
        for (int statusClass = 1; statusClass <= responses.length; statusClass++) {
            responses[statusClass - 1] += number(fields, LiveStateKeys.responses(statusClass));
        }
        bytesReceived += number(fields, LiveStateKeys.BYTES_IN);
        bytesSent += number(fields, LiveStateKeys.BYTES_OUT);
        for (int i = 0; i < latency.length; i++) {
            latency[i] += number(fields, LiveStateKeys.latency(i));
        }
        fields.forEach((field, value) -> {
            String name = String.valueOf(field);
            if (name.startsWith(LiveStateKeys.IN_FLIGHT_PREFIX)) {
                inFlight.put(name.substring(LiveStateKeys.IN_FLIGHT_PREFIX.length()), parse(value));
            }
        });
    }

    void add(TrafficCounts counts) {
        requests += counts.requests();
        for (int i = 0; i < responses.length; i++) {
            responses[i] += counts.responses().get(i);
        }
        bytesReceived += counts.bytesReceived();
        bytesSent += counts.bytesSent();
        for (int i = 0; i < latency.length; i++) {
            latency[i] += counts.latencyCounts().get(i);
        }
    }

    long inFlight() {
        return inFlight.values().stream().mapToLong(Long::longValue).sum();
    }

    TrafficCounts counts() {
        return new TrafficCounts(requests, boxed(responses), bytesReceived, bytesSent, boxed(latency));
    }

    private static long number(Map<?, ?> fields, String field) {
        return parse(fields.get(field));
    }

    /** A field that is absent or not a number (written by something else) counts as 0. */
    private static long parse(@Nullable Object value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(String.valueOf(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<Long> boxed(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
