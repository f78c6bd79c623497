package dev.signalbox.protocol;

import java.util.List;

/**
 * The fixed latency histogram buckets of {@link TrafficWindow}: bucket i counts responses that took
 * at most {@code UPPER_BOUNDS_MILLIS[i]} ms and more than the bound before it; the last bucket,
 * one past the bounds, counts everything slower than the last bound.
 */
public final class LatencyBuckets {

    public static final List<Integer> UPPER_BOUNDS_MILLIS =
            List.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000);

    /** How many counts a window carries: one per bound and one for slower. */
    public static final int COUNT = UPPER_BOUNDS_MILLIS.size() + 1;

    private LatencyBuckets() {
    }

    /** The bucket a latency falls into. */
    public static int indexOf(long latencyMillis) {
        for (int i = 0; i < UPPER_BOUNDS_MILLIS.size(); i++) {
            if (latencyMillis <= UPPER_BOUNDS_MILLIS.get(i)) {
                return i;
            }
        }
        return UPPER_BOUNDS_MILLIS.size();
    }
}
