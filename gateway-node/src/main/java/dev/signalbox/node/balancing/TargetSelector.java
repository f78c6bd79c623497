package dev.signalbox.node.balancing;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * Picks the target of one target group for each request. One selector is built per target group
 * and snapshot; it lives as long as the routing index that holds it.
 */
public interface TargetSelector {

    /** The target for the next request, or null when the group has no target that takes traffic. */
    @Nullable TargetSnapshot pick();

    /**
     * The selector for a group's algorithm. Only round robin is implemented so far; every other
     * algorithm is served round robin until its selector exists, so a group never goes unserved.
     */
    static TargetSelector forGroup(TargetGroupSnapshot group) {
        return switch (group.algorithm()) {
            case ROUND_ROBIN, WEIGHTED_ROUND_ROBIN, LEAST_CONNECTIONS, LEAST_RESPONSE_TIME, CONSISTENT_HASH, RANDOM ->
                    new RoundRobinSelector(group.targets());
        };
    }

    /** A selector that never has a target, for forwards to a group the snapshot does not contain. */
    static TargetSelector none() {
        return () -> null;
    }
}
