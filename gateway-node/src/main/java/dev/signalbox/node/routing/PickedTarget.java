package dev.signalbox.node.routing;

import java.util.UUID;

import dev.signalbox.protocol.TargetSnapshot;

/**
 * The target a forwarded request was sent to, kept as an exchange attribute for whatever observes
 * the outcome (metrics, outlier detection). A retry on another target replaces it.
 */
public record PickedTarget(UUID loadBalancerId, UUID targetGroupId, TargetSnapshot target) {

    /** The exchange attribute holding the picked target. */
    public static final String ATTRIBUTE = PickedTarget.class.getName();
}
