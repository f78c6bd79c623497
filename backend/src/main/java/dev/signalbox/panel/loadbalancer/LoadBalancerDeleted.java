package dev.signalbox.panel.loadbalancer;

import java.util.UUID;

/** A load balancer and everything under it were deleted; published inside the deleting transaction. */
public record LoadBalancerDeleted(UUID tenantId, UUID loadBalancerId, String actor) {
}
