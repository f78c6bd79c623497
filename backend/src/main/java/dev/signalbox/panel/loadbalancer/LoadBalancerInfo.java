package dev.signalbox.panel.loadbalancer;

import java.time.Instant;
import java.util.UUID;

import dev.signalbox.panel.conditional.EntityTag;

/** A load balancer as other features see it. */
public record LoadBalancerInfo(UUID id, UUID tenantId, String name, String dnsName, long revision, Instant createdAt) {

    /** Changes with every revision, so it guards everything under the load balancer. */
    public EntityTag entityTag() {
        return EntityTag.of(this);
    }
}
