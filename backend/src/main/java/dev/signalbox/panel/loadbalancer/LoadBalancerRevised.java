package dev.signalbox.panel.loadbalancer;

import java.util.UUID;

/**
 * Something under a load balancer changed and it now has {@code revision}; published synchronously
 * inside the transaction of the change, so listeners may write in that same transaction.
 */
public record LoadBalancerRevised(UUID tenantId, UUID loadBalancerId, long revision, String actor, String summary) {
}
