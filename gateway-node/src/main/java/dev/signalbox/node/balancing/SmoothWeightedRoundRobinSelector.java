package dev.signalbox.node.balancing;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.TargetSnapshot;

/**
 * Round robin in proportion to the targets' weights, spread smoothly as nginx does: every pick
 * raises each target's current weight by its weight, takes the highest, and lowers that one by the
 * total. Weights {5, 1, 1} give a a b a c a a, never five a in a row.
 */
public final class SmoothWeightedRoundRobinSelector implements TargetSelector {

    private final TargetSnapshot[] targets;
    private final int[] weights;
    private final int totalWeight;
    /** Guarded by this: a pick reads and writes every entry, so it must see them all at once. */
    private final long[] currentWeights;

    public SmoothWeightedRoundRobinSelector(List<TargetSnapshot> targets) {
        this.targets = TakingTraffic.of(targets);
        this.weights = new int[this.targets.length];
        int total = 0;
        for (int i = 0; i < this.targets.length; i++) {
            weights[i] = this.targets[i].weight();
            total += weights[i];
        }
        this.totalWeight = total;
        this.currentWeights = new long[this.targets.length];
    }

    @Override
    public @Nullable TargetSnapshot pick(@Nullable String key) {
        if (targets.length == 0) {
            return null;
        }
        int best = 0;
        synchronized (this) {
            for (int i = 0; i < targets.length; i++) {
                currentWeights[i] += weights[i];
                // strictly greater: on a tie the earlier target wins, as in nginx
                if (currentWeights[i] > currentWeights[best]) {
                    best = i;
                }
            }
            currentWeights[best] -= totalWeight;
        }
        return targets[best];
    }

    @Override
    public @Nullable TargetSnapshot pickTarget(UUID targetId) {
        int index = TakingTraffic.indexOfId(targets, targetId);
        return index < 0 ? null : targets[index];
    }
}
