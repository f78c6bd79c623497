package dev.signalbox.panel.loadbalancer;

import java.util.UUID;

/**
 * Answers whether a listener may forward to a target group. Implemented by the target group
 * feature, which depends on this one, so the dependency runs one way only.
 */
public interface TargetGroupReferences {

    boolean belongsTo(UUID tenantId, UUID loadBalancerId, UUID targetGroupId);
}
