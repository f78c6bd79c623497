package dev.signalbox.node.health;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.node.balancing.SlowStartSelector;
import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.node.balancing.ThreadLocalRandomGenerator;
import dev.signalbox.node.outlier.OutlierDetector;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * Decorates a group's algorithm with health: the algorithm runs over {@link HealthyTargets} only,
 * with {@link SlowStartSelector slow start} for the targets ramping up unless the group is in panic.
 * The filtered selector is rebuilt when the registry's or the outlier detector's version moves, i.e.
 * on state changes and ejections, not per request; a rebuild starts the algorithm afresh, which
 * health changes justify.
 */
final class HealthFilteringSelector implements TargetSelector {

    private record Filtered(long version, TargetSelector selector, boolean panic) {
    }

    private final TargetGroupSnapshot group;
    private final TargetHealthRegistry registry;
    private final OutlierDetector outliers;
    private final GroupSelectorFactory algorithm;
    private final int panicThresholdPercent;
    private final RandomGenerator random;
    private final boolean tracksRequests;
    private volatile Filtered filtered;

    HealthFilteringSelector(TargetGroupSnapshot group, TargetHealthRegistry registry, OutlierDetector outliers,
            GroupSelectorFactory algorithm, int panicThresholdPercent) {
        this(group, registry, outliers, algorithm, panicThresholdPercent, ThreadLocalRandomGenerator.INSTANCE);
    }

    /** @param random draws which picks of ramping targets slow start keeps */
    HealthFilteringSelector(TargetGroupSnapshot group, TargetHealthRegistry registry, OutlierDetector outliers,
            GroupSelectorFactory algorithm, int panicThresholdPercent, RandomGenerator random) {
        this.group = group;
        this.registry = registry;
        this.outliers = outliers;
        this.algorithm = algorithm;
        this.panicThresholdPercent = panicThresholdPercent;
        this.random = random;
        this.filtered = filter(version());
        this.tracksRequests = filtered.selector().tracksRequests();
    }

    @Override
    public @Nullable TargetSnapshot pick(@Nullable String key) {
        return current().selector().pick(key);
    }

    @Override
    public @Nullable TargetSnapshot pickTarget(UUID targetId) {
        return current().selector().pickTarget(targetId);
    }

    @Override
    public boolean tracksRequests() {
        return tracksRequests;
    }

    @Override
    public void release(TargetSnapshot target, long latencyNanos) {
        current().selector().release(target, latencyNanos);
    }

    /** Whether the group is in panic mode and spreads over all of its targets. */
    boolean panic() {
        return current().panic();
    }

    private Filtered current() {
        Filtered seen = filtered;
        long version = version();
        if (seen.version() == version) {
            return seen;
        }
        // racing rebuilds build equal selectors; the last one written wins, which is harmless
        Filtered rebuilt = filter(version);
        filtered = rebuilt;
        return rebuilt;
    }

    /** Both versions only grow, so their sum moves whenever either does. */
    private long version() {
        return registry.version() + outliers.version();
    }

    private Filtered filter(long version) {
        HealthyTargets usable = HealthyTargets.of(group, registry, outliers, panicThresholdPercent);
        TargetGroupSnapshot filteredGroup = new TargetGroupSnapshot(group.id(), group.name(), group.protocol(),
                group.algorithm(), group.healthCheck(), usable.targets(), group.port(), group.hashKey(),
                group.attributes());
        TargetSelector selector = algorithm.forGroup(filteredGroup);
        return new Filtered(version, usable.panic() ? selector : slowStart(selector, usable.targets()), usable.panic());
    }

    /** {@code selector} with slow start when the group has it and one of {@code targets} is still ramping up. */
    private TargetSelector slowStart(TargetSelector selector, List<TargetSnapshot> targets) {
        long windowMillis = group.attributes().slowStartSeconds() * 1000L;
        if (windowMillis <= 0) {
            return selector;
        }
        Clock clock = registry.clock();
        long now = clock.millis();
        List<SlowStartSelector.Ramp> ramps = new ArrayList<>();
        for (TargetSnapshot target : targets) {
            Instant since = registry.slowStartSince(group.id(), target);
            if (since != null && since.toEpochMilli() + windowMillis > now) {
                ramps.add(new SlowStartSelector.Ramp(target, since.toEpochMilli()));
            }
        }
        return ramps.isEmpty() ? selector : new SlowStartSelector(selector, ramps, windowMillis, clock::millis, random);
    }
}
