package dev.signalbox.node.balancing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.TargetSnapshot;

/** Hands out the targets in registration order, one after the other; weight-0 targets get nothing. */
public final class RoundRobinSelector implements TargetSelector {

    private final TargetSnapshot[] targets;
    private final AtomicInteger nextIndex = new AtomicInteger();
    /** Kept in a field so a pick allocates nothing; wrapping at the length keeps the turn exact forever. */
    private final IntUnaryOperator advance;

    public RoundRobinSelector(List<TargetSnapshot> targets) {
        this.targets = TakingTraffic.of(targets);
        int count = this.targets.length;
        this.advance = index -> index + 1 < count ? index + 1 : 0;
    }

    @Override
    public @Nullable TargetSnapshot pick(@Nullable String key) {
        if (targets.length == 0) {
            return null;
        }
        return targets[nextIndex.getAndUpdate(advance)];
    }

    @Override
    public @Nullable TargetSnapshot pickTarget(UUID targetId) {
        int index = TakingTraffic.indexOfId(targets, targetId);
        return index < 0 ? null : targets[index];
    }
}
