package dev.signalbox.panel.loadbalancer;

import java.util.Optional;
import java.util.UUID;

import dev.signalbox.protocol.TargetProtocol;

/**
 * Answers whether a listener or rule may forward to a target group. Implemented by the target
 * group feature, which depends on this one, so the dependency runs one way only.
 */
public interface TargetGroupReferences {

    boolean belongsTo(UUID tenantId, UUID loadBalancerId, UUID targetGroupId);

    /** The protocol of the target group, if it belongs to that load balancer of the tenant. */
    Optional<TargetProtocol> protocolOf(UUID tenantId, UUID loadBalancerId, UUID targetGroupId);
}
