package dev.signalbox.node.balancing;

import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.TargetSnapshot;

/** A uniformly random target of those taking traffic. */
public final class RandomSelector implements TargetSelector {

    private final TargetSnapshot[] targets;
    private final RandomGenerator random;

    public RandomSelector(List<TargetSnapshot> targets, RandomGenerator random) {
        this.targets = TakingTraffic.of(targets);
        this.random = random;
    }

    @Override
    public @Nullable TargetSnapshot pick(@Nullable String key) {
        return targets.length == 0 ? null : targets[random.nextInt(targets.length)];
    }

    @Override
    public @Nullable TargetSnapshot pickTarget(UUID targetId) {
        int index = TakingTraffic.indexOfId(targets, targetId);
        return index < 0 ? null : targets[index];
    }
}
