package dev.signalbox.node.balancing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.TargetSnapshot;

/**
 * The target with the fewest requests in flight. Ties are broken at random, uniformly among the
 * tied targets, so idle targets share sequential traffic instead of the first one taking it all.
 */
public final class LeastConnectionsSelector implements TargetSelector {

    private final TargetSnapshot[] targets;
    private final AtomicIntegerArray inFlight;
    private final RandomGenerator random;

    public LeastConnectionsSelector(List<TargetSnapshot> targets, RandomGenerator random) {
        this.targets = TakingTraffic.of(targets);
        this.inFlight = new AtomicIntegerArray(this.targets.length);
        this.random = random;
    }

    @Override
    public @Nullable TargetSnapshot pick(@Nullable String key) {
        if (targets.length == 0) {
            return null;
        }
        int best = 0;
        int fewest = Integer.MAX_VALUE;
        int tied = 0;
        for (int i = 0; i < targets.length; i++) {
            int count = inFlight.get(i);
            if (count < fewest) {
                fewest = count;
                best = i;
                tied = 1;
            } else if (count == fewest && random.nextInt(++tied) == 0) {
                // reservoir sampling: the k-th tied target replaces the choice with probability 1/k
                best = i;
            }
        }
        // two concurrent picks may both see the same minimum; the next picks correct for it
        inFlight.incrementAndGet(best);
        return targets[best];
    }

    @Override
    public @Nullable TargetSnapshot pickTarget(UUID targetId) {
        int index = TakingTraffic.indexOfId(targets, targetId);
        if (index < 0) {
            return null;
        }
        inFlight.incrementAndGet(index);
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
            inFlight.getAndUpdate(index, count -> count > 0 ? count - 1 : 0);
        }
    }

    /** Requests in flight to {@code target}, as the selector counts them. */
    public int inFlight(TargetSnapshot target) {
        int index = TakingTraffic.indexOf(targets, target);
        return index < 0 ? 0 : inFlight.get(index);
    }
}
