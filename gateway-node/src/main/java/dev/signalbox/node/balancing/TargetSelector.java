package dev.signalbox.node.balancing;

import java.time.Duration;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * Picks the target of one target group for each request. One selector is built per target group
 * and snapshot; it lives as long as the routing index that holds it. Selectors are thread-safe.
 */
public interface TargetSelector {

    /**
     * How far back peak EWMA remembers response times. Far shorter than Finagle's 10 s: a fast
     * target's one slow answer (a pause, a burst queued behind it) is forgotten within about half a
     * second instead of making it look as slow as a really slow target for seconds, and a slow target
     * that is no longer picked is tried again with one request every second or two. A group with little
     * traffic then balances by requests in flight, as least connections does.
     */
    Duration RESPONSE_TIME_DECAY = Duration.ofMillis(500);

    /**
     * The target for the next request, or null when the group has no target that takes traffic.
     *
     * @param key the request's hash key for consistent hashing; null when the request has none or the
     *            algorithm does not hash, in which case hashing selectors fall back to round robin
     */
    @Nullable TargetSnapshot pick(@Nullable String key);

    /**
     * The target with id {@code targetId} for the next request, if it is among the targets this
     * selector picks from, counted as a pick (a caller then releases it as any other); null when it
     * is not, as when it is unhealthy, drained or no longer registered. How a sticky session keeps
     * its client on one target.
     */
    default @Nullable TargetSnapshot pickTarget(UUID targetId) {
        return null;
    }

    /** The target for the next request that has no hash key. */
    default @Nullable TargetSnapshot pick() {
        return pick(null);
    }

    /**
     * Whether the caller must call {@link #release} when a picked request ends; callers skip the
     * bookkeeping (and its allocation) for selectors that do not track requests.
     */
    default boolean tracksRequests() {
        return false;
    }

    /**
     * Tells the selector that a request it picked {@code target} for has ended after
     * {@code latencyNanos}. Call exactly once per pick when {@link #tracksRequests()} is true.
     */
    default void release(TargetSnapshot target, long latencyNanos) {
    }

    /** The selector for a group's algorithm, on the system's monotonic clock and thread-local randomness. */
    static TargetSelector forGroup(TargetGroupSnapshot group) {
        return forGroup(group, System::nanoTime, ThreadLocalRandomGenerator.INSTANCE);
    }

    /** The selector for a group's algorithm, with the clock and randomness injected. */
    static TargetSelector forGroup(TargetGroupSnapshot group, LongSupplier nanoClock, RandomGenerator random) {
        return switch (group.algorithm()) {
            case ROUND_ROBIN -> new RoundRobinSelector(group.targets());
            case WEIGHTED_ROUND_ROBIN -> new SmoothWeightedRoundRobinSelector(group.targets());
            case LEAST_CONNECTIONS -> new LeastConnectionsSelector(group.targets(), random);
            case LEAST_RESPONSE_TIME -> new PeakEwmaSelector(group.targets(), nanoClock, random,
                    RESPONSE_TIME_DECAY.toNanos());
            case CONSISTENT_HASH -> new ConsistentHashSelector(group.targets());
            case RANDOM -> new RandomSelector(group.targets(), random);
        };
    }

    /** A selector that never has a target, for forwards to a group the snapshot does not contain. */
    static TargetSelector none() {
        return key -> null;
    }
}
