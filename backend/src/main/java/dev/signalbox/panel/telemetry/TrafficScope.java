package dev.signalbox.panel.telemetry;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Whose traffic: a load balancer's own (every request it answered), one of its target groups' or
 * one target's of a group (what was forwarded to them).
 */
public record TrafficScope(UUID loadBalancerId, @Nullable UUID targetGroupId, @Nullable UUID targetId) {

    public TrafficScope {
        if (targetId != null && targetGroupId == null) {
            throw new IllegalArgumentException("a target's traffic is kept under its target group");
        }
    }

    public static TrafficScope loadBalancer(UUID loadBalancerId) {
        return new TrafficScope(loadBalancerId, null, null);
    }
}
