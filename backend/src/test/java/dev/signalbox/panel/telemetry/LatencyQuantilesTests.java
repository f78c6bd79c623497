package dev.signalbox.panel.telemetry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.LatencyBuckets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyQuantilesTests {

    @Test
    void interpolatesLinearlyWithinTheBucketHoldingTheRank() {
        // 50 responses in (0, 1] ms, 40 in (10, 25], 10 in (50, 100]
        List<Long> counts = counts(0, 50, 4, 40, 6, 10);

        assertThat(LatencyQuantiles.estimate(counts, 0.50)).isEqualTo(1.0);
        assertThat(LatencyQuantiles.estimate(counts, 0.90)).isEqualTo(25.0);
        assertThat(LatencyQuantiles.estimate(counts, 0.99)).isEqualTo(95.0);
        assertThat(LatencyQuantiles.estimate(counts, 0.25)).isEqualTo(0.5);
        assertThat(LatencyQuantiles.estimate(counts, 0.70)).isEqualTo(17.5);
    }

    @Test
    void aSingleBucketSpreadsItsResponsesEvenlyBetweenItsBounds() {
        List<Long> counts = counts(2, 10);

        assertThat(LatencyQuantiles.estimate(counts, 0.50)).isCloseTo(3.5, within(1e-9));
        assertThat(LatencyQuantiles.estimate(counts, 0.90)).isCloseTo(4.7, within(1e-9));
        assertThat(LatencyQuantiles.estimate(counts, 1.00)).isEqualTo(5.0);
    }

    @Test
    void theOpenEndedLastBucketReportsItsLowerBound() {
        List<Long> counts = counts(0, 98, LatencyBuckets.COUNT - 1, 2);

        assertThat(LatencyQuantiles.estimate(counts, 0.50)).isEqualTo(0.5102040816326531);
        assertThat(LatencyQuantiles.estimate(counts, 0.99)).isEqualTo(10_000.0);
    }

    @Test
    void noResponsesHaveNoQuantile() {
        assertThat(LatencyQuantiles.estimate(counts(), 0.5)).isNull();
    }

    /** COUNT counts, zero but for the given (bucket, count) pairs. */
    private static List<Long> counts(long... bucketAndCount) {
        List<Long> counts = new ArrayList<>(Collections.nCopies(LatencyBuckets.COUNT, 0L));
        for (int i = 0; i < bucketAndCount.length; i += 2) {
            counts.set((int) bucketAndCount[i], bucketAndCount[i + 1]);
        }
        return counts;
    }
}
