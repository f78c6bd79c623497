package dev.signalbox.panel.loadbalancer;

import java.time.Instant;
import java.util.UUID;

/** A load balancer as other features see it. */
public record LoadBalancerInfo(UUID id, UUID tenantId, String name, String dnsName, long revision, Instant createdAt) {
}
