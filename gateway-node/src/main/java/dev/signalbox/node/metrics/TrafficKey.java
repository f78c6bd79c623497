package dev.signalbox.node.metrics;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Whose traffic a window counts: a load balancer (no group, no target), one of its target groups
 * (no target), or one target of a group.
 */
record TrafficKey(UUID loadBalancerId, @Nullable UUID targetGroupId, @Nullable UUID targetId) {

    static TrafficKey of(UUID loadBalancerId) {
        return new TrafficKey(loadBalancerId, null, null);
    }

    static TrafficKey of(UUID loadBalancerId, UUID targetGroupId) {
        return new TrafficKey(loadBalancerId, targetGroupId, null);
    }

    static TrafficKey of(UUID loadBalancerId, UUID targetGroupId, UUID targetId) {
        return new TrafficKey(loadBalancerId, targetGroupId, targetId);
    }
}
