package dev.signalbox.node.tcp;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * The targets one client connection tries, in order: each a fresh pick of the group's selector that
 * was not tried before, at most {@link #MAX_TARGETS} of them. Only the first pick hashes the key:
 * a hashing selector would name the same failed target again, so retries spread without it.
 *
 * <p>Every target this returns was picked once; a pick it skips as already tried is released at
 * once, so selectors that count connections stay exact.
 */
final class TargetAttempts {

    /** How many distinct targets a connection tries before the client is turned away. */
    static final int MAX_TARGETS = 3;

    /** Picks per attempt that may turn up tried targets, bounding the search on a small group. */
    private static final int MAX_PICKS_PER_ATTEMPT = 2 * MAX_TARGETS;

    private final TargetSelector selector;
    private final @Nullable String key;
    private final List<TargetSnapshot> tried = new ArrayList<>(MAX_TARGETS);

    /** @param key the client's hash key, or null when the group does not hash */
    TargetAttempts(TargetSelector selector, @Nullable String key) {
        this.selector = selector;
        this.key = key;
    }

    /** The next target to connect to, or null when no further one is to be tried. */
    @Nullable TargetSnapshot next() {
        if (tried.size() >= MAX_TARGETS) {
            return null;
        }
        for (int pick = 0; pick < MAX_PICKS_PER_ATTEMPT; pick++) {
            TargetSnapshot target = selector.pick(tried.isEmpty() ? key : null);
            if (target == null) {
                return null;
            }
            if (!tried.contains(target)) {
                tried.add(target);
                return target;
            }
            if (selector.tracksRequests()) {
                selector.release(target, 0);
            }
        }
        return null;
    }
}
