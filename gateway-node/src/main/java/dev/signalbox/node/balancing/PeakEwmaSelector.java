package dev.signalbox.node.balancing;

import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.TargetSnapshot;

/**
 * Least response time as peak EWMA with the power of two choices (as Finagle and Linkerd balance):
 * each target keeps a moving average of its response times that jumps up to any slower response at
 * once and decays back over the decay window; its load is that average times its requests in flight
 * plus one. A pick compares two distinct random targets and takes the less loaded, which avoids
 * herding every node onto the one target that looked fastest a moment ago.
 */
public final class PeakEwmaSelector implements TargetSelector {

    /**
     * The load of a target that has requests in flight but no measured response yet: high, so a new
     * target is not flooded before its first answer, yet ordered by how many it already carries.
     */
    static final double UNMEASURED_PENALTY_NANOS = 1_000_000_000d;

    private final TargetSnapshot[] targets;
    private final TargetLatency[] latencies;
    private final LongSupplier nanoClock;
    private final RandomGenerator random;

    public PeakEwmaSelector(List<TargetSnapshot> targets, LongSupplier nanoClock, RandomGenerator random,
            long decayNanos) {
        if (decayNanos <= 0) {
            throw new IllegalArgumentException("decay window must be positive, was " + decayNanos + " ns");
        }
        this.targets = TakingTraffic.of(targets);
        this.nanoClock = nanoClock;
        this.random = random;
        long now = nanoClock.getAsLong();
        this.latencies = new TargetLatency[this.targets.length];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = new TargetLatency(decayNanos, now);
        }
    }

    @Override
    public @Nullable TargetSnapshot pick(@Nullable String key) {
        int count = targets.length;
        if (count == 0) {
            return null;
        }
        int chosen = 0;
        if (count > 1) {
            int first = random.nextInt(count);
            // a second index among the others, so the two choices always differ
            int second = random.nextInt(count - 1);
            if (second >= first) {
                second++;
            }
            long now = nanoClock.getAsLong();
            chosen = latencies[second].load(now) < latencies[first].load(now) ? second : first;
        }
        latencies[chosen].start();
        return targets[chosen];
    }

    @Override
    public @Nullable TargetSnapshot pickTarget(UUID targetId) {
        int index = TakingTraffic.indexOfId(targets, targetId);
        if (index < 0) {
            return null;
        }
        latencies[index].start();
        return targets[index];
    }

    @Override
    public boolean tracksRequests() {
        return true;
    }

    @Override
    public void release(TargetSnapshot target, long latencyNanos) {
        int index = TakingTraffic.indexOf(targets, target);
        if (index >= 0) {
            latencies[index].end(Math.max(latencyNanos, 0), nanoClock.getAsLong());
        }
    }

    /** The current load of {@code target}: decayed peak EWMA times (in flight + 1); for tests and metrics. */
    public double load(TargetSnapshot target) {
        int index = TakingTraffic.indexOf(targets, target);
        return index < 0 ? 0 : latencies[index].load(nanoClock.getAsLong());
    }

    /** Response-time average and requests in flight of one target. */
    private static final class TargetLatency {

        private final double decayNanos;
        private double averageNanos;
        private long stampNanos;
        private int inFlight;

        TargetLatency(long decayNanos, long now) {
            this.decayNanos = decayNanos;
            this.stampNanos = now;
        }

        synchronized void start() {
            inFlight++;
        }

        synchronized void end(long latencyNanos, long now) {
            if (inFlight > 0) {
                inFlight--;
            }
            observe(latencyNanos, now);
        }

        synchronized double load(long now) {
            // observing zero is how the average decays while no responses arrive
            observe(0, now);
            if (averageNanos == 0 && inFlight > 0) {
                return UNMEASURED_PENALTY_NANOS + inFlight;
            }
            return averageNanos * (inFlight + 1);
        }

        private void observe(double latencyNanos, long now) {
            long elapsed = Math.max(now - stampNanos, 0);
            stampNanos = Math.max(now, stampNanos);
            if (latencyNanos > averageNanos) {
                // the peak: a slower response counts in full at once
                averageNanos = latencyNanos;
            } else {
                double keep = Math.exp(-elapsed / decayNanos);
                averageNanos = averageNanos * keep + latencyNanos * (1 - keep);
            }
        }
    }
}
