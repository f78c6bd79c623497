package dev.signalbox.node.balancing;

import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.TargetSnapshot;

/**
 * Slow start over any algorithm: a target in its ramp gets a share of the requests the algorithm
 * would give it that grows linearly from a tenth to all of it over the window, so a new or recovered
 * target warms up before it carries its full load.
 *
 * <p>It works by rejection: when the algorithm picks a ramping target, the pick is kept with
 * probability equal to the target's ramp fraction, and otherwise the algorithm picks again, at most
 * {@link #MAX_PICKS} times in all (the last pick is kept, so a group of ramping targets only still
 * serves). For round robin and random this amounts to the target's weight scaled by its fraction.
 * A rejected pick is released only after the next pick is made, so algorithms that count requests in
 * flight (least connections, peak EWMA) see it and turn to another target. Re-picks carry no hash key:
 * a consistent-hash key whose target is ramping is spread like a request without a key instead.
 *
 * <p>Chosen over rebuilding the algorithm with scaled weights because it needs nothing from the
 * algorithm, works for those that ignore weights, and keeps their state (turns, counts, latencies)
 * through the ramp. Pure: the time (epoch milliseconds) and the randomness are injected.
 */
public final class SlowStartSelector implements TargetSelector {

    /** Picks per request at most, the first included. */
    static final int MAX_PICKS = 4;
    /** Ramp fractions are counted in thousandths. */
    static final int FULL = 1000;
    /** Where a ramp starts: some traffic at once, so that the ramp warms the target up. */
    static final int START = 100;

    /**
     * A target in slow start.
     *
     * @param startMillis when its ramp started, epoch milliseconds
     */
    public record Ramp(TargetSnapshot target, long startMillis) {
    }

    private final TargetSelector algorithm;
    private final TargetSnapshot[] ramping;
    private final long[] startMillis;
    private final long windowMillis;
    /** When the last ramp ends; from then on picks pass straight through. */
    private final long endMillis;
    private final LongSupplier millisClock;
    private final RandomGenerator random;

    /**
     * @param algorithm    the group's algorithm over the targets that take traffic
     * @param ramps        the targets in slow start, with when their ramp started
     * @param windowMillis how long a ramp lasts; positive
     * @param millisClock  epoch milliseconds now
     */
    public SlowStartSelector(TargetSelector algorithm, List<Ramp> ramps, long windowMillis, LongSupplier millisClock,
            RandomGenerator random) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("slow start window must be positive, was " + windowMillis + " ms");
        }
        this.algorithm = algorithm;
        this.ramping = ramps.stream().map(Ramp::target).toArray(TargetSnapshot[]::new);
        this.startMillis = ramps.stream().mapToLong(Ramp::startMillis).toArray();
        this.windowMillis = windowMillis;
        this.endMillis = ramps.stream().mapToLong(Ramp::startMillis).max().orElse(Long.MIN_VALUE) + windowMillis;
        this.millisClock = millisClock;
        this.random = random;
    }

    @Override
    public @Nullable TargetSnapshot pick(@Nullable String key) {
        TargetSnapshot picked = algorithm.pick(key);
        if (picked == null) {
            return null;
        }
        long now = millisClock.getAsLong();
        if (now >= endMillis) {
            return picked;
        }
        TargetSnapshot[] rejected = null;
        int rejections = 0;
        for (int picks = 1; picks < MAX_PICKS; picks++) {
            int fraction = fraction(picked, now);
            if (fraction >= FULL || random.nextInt(FULL) < fraction) {
                break;
            }
            TargetSnapshot next = algorithm.pick(null);
            if (next == null) {
                break;
            }
            if (algorithm.tracksRequests()) {
                // allocated only while a ramp rejects, never in steady state
                if (rejected == null) {
                    rejected = new TargetSnapshot[MAX_PICKS - 1];
                }
                rejected[rejections++] = picked;
            }
            picked = next;
        }
        for (int i = 0; i < rejections; i++) {
            algorithm.release(rejected[i], 0);
        }
        return picked;
    }

    @Override
    public @Nullable TargetSnapshot pickTarget(UUID targetId) {
        // a client already pinned to a ramping target stays: only new assignments ramp
        return algorithm.pickTarget(targetId);
    }

    @Override
    public boolean tracksRequests() {
        return algorithm.tracksRequests();
    }

    @Override
    public void release(TargetSnapshot target, long latencyNanos) {
        algorithm.release(target, latencyNanos);
    }

    /** The share of its normal traffic {@code target} takes at {@code now}, in thousandths. */
    int fraction(TargetSnapshot target, long now) {
        for (int i = 0; i < ramping.length; i++) {
            if (ramping[i] == target) {
                long elapsed = Math.max(now - startMillis[i], 0);
                return elapsed >= windowMillis ? FULL : (int) (START + (FULL - START) * elapsed / windowMillis);
            }
        }
        return FULL;
    }
}
