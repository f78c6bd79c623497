package dev.signalbox.node.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.LatencyBuckets;
import dev.signalbox.protocol.TrafficWindow;

/**
 * The traffic of one load balancer, target group or target in the current metrics window. Recording
 * is a handful of {@link LongAdder} additions, safe from any thread and free of allocation. Draining
 * takes each count and zeroes it in one atomic step per adder, so every count lands in exactly one
 * window; a request that ends while a window is drained may have its request count in one window
 * and its status in the next, which sums out over two windows.
 */
final class TrafficCounters {

    /** Status class of a request that ended without a status: abandoned by its client, or a TCP connection. */
    static final int NO_STATUS = 0;

    /** Latency of a request that ended without a response. */
    static final long NO_LATENCY = -1;

    private static final long[] UPPER_BOUNDS_NANOS = LatencyBuckets.UPPER_BOUNDS_MILLIS.stream()
            .mapToLong(millis -> TimeUnit.MILLISECONDS.toNanos(millis))
            .toArray();

    private final TrafficKey key;
    private final LongAdder requests = new LongAdder();
    /** Index 1 to 5: responses of that status class; index 0 is unused. */
    private final LongAdder[] statusClasses = adders(6);
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder[] latencies = adders(LatencyBuckets.COUNT);
    /** Never reset: a gauge, not a count per window. */
    private final LongAdder inFlight = new LongAdder();

    TrafficCounters(TrafficKey key) {
        this.key = key;
    }

    TrafficKey key() {
        return key;
    }

    void started() {
        inFlight.increment();
    }

    void ended() {
        inFlight.decrement();
    }

    long inFlight() {
        return inFlight.sum();
    }

    /**
     * Counts a request (or connection) that ended.
     *
     * @param statusClass   1 to 5, or {@link #NO_STATUS}
     * @param latencyNanos  time to the response (for a connection: to reach its target), or
     *                      {@link #NO_LATENCY} when there was none
     * @param bytesReceived bytes from the client, 0 when unknown
     * @param bytesSent     bytes to the client, 0 when unknown
     */
    void record(int statusClass, long latencyNanos, long bytesReceived, long bytesSent) {
        requests.increment();
        if (statusClass != NO_STATUS) {
            statusClasses[statusClass].increment();
        }
        if (latencyNanos != NO_LATENCY) {
            latencies[bucketOf(latencyNanos)].increment();
        }
        if (bytesReceived > 0) {
            this.bytesReceived.add(bytesReceived);
        }
        if (bytesSent > 0) {
            this.bytesSent.add(bytesSent);
        }
    }

    /** The window since the last drain, and a fresh one from now; null when nothing happened and nothing is in flight. */
    @Nullable TrafficWindow drain() {
        long ended = requests.sumThenReset();
        long[] classes = new long[statusClasses.length];
        long anyCount = ended;
        for (int i = 1; i < statusClasses.length; i++) {
            classes[i] = statusClasses[i].sumThenReset();
            anyCount += classes[i];
        }
        List<Long> latencyCounts = new ArrayList<>(latencies.length);
        for (LongAdder bucket : latencies) {
            long count = bucket.sumThenReset();
            latencyCounts.add(count);
            anyCount += count;
        }
        long received = bytesReceived.sumThenReset();
        long sent = bytesSent.sumThenReset();
        long inFlightNow = inFlight.sum();
        if (anyCount == 0 && received == 0 && sent == 0 && inFlightNow == 0) {
            return null;
        }
        return new TrafficWindow(key.loadBalancerId(), key.targetGroupId(), key.targetId(), ended, classes[1], classes[2], classes[3],
                classes[4], classes[5], received, sent, inFlightNow, latencyCounts);
    }

    /** The class of an HTTP status (2 for 204), or {@link #NO_STATUS} for what is no HTTP status. */
    static int statusClassOf(int status) {
        return status >= 100 && status <= 599 ? status / 100 : NO_STATUS;
    }

    /**
     * The {@link LatencyBuckets} bucket of a latency: the first whose bound it does not exceed, so
     * 1.5 ms counts as at most 2 ms, not at most 1 ms.
     */
    static int bucketOf(long latencyNanos) {
        for (int i = 0; i < UPPER_BOUNDS_NANOS.length; i++) {
            if (latencyNanos <= UPPER_BOUNDS_NANOS[i]) {
                return i;
            }
        }
        return UPPER_BOUNDS_NANOS.length;
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
