package dev.signalbox.panel.telemetry;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.LatencyBuckets;

/**
 * Estimates a latency quantile from counts in the fixed {@link LatencyBuckets}: find the bucket
 * holding the rank and interpolate linearly between its bounds (as Prometheus' histogram_quantile
 * does), assuming the responses of a bucket spread evenly over it. The first bucket starts at 0;
 * the last is open-ended, so a quantile in it is reported as its lower bound.
 */
public final class LatencyQuantiles {

    private LatencyQuantiles() {
    }

    /**
     * @param counts   {@link LatencyBuckets#COUNT} counts, bucket by bucket
     * @param quantile in (0, 1], e.g. 0.99
     * @return the estimate in ms, or null when there are no counts
     */
    public static @Nullable Double estimate(List<Long> counts, double quantile) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        double rank = quantile * total;
        List<Integer> bounds = LatencyBuckets.UPPER_BOUNDS_MILLIS;
        long below = 0;
        for (int i = 0; i < counts.size(); i++) {
            long count = counts.get(i);
            double lower = i == 0 ? 0 : bounds.get(i - 1);
            if (count > 0 && below + count >= rank) {
                if (i >= bounds.size()) {
                    return lower;
                }
                return lower + (bounds.get(i) - lower) * (rank - below) / count;
            }
            below += count;
        }
        return (double) bounds.get(bounds.size() - 1);
    }
}
