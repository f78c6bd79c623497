package dev.signalbox.node.routing;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.LoadBalancerSnapshot;

/**
 * One record of the config topic: a load balancer's new snapshot, or its deletion (a tombstone).
 *
 * @param loadBalancerId the load balancer
 * @param snapshot       its full configuration, or null when it was deleted
 */
public record ConfigChange(UUID loadBalancerId, @Nullable LoadBalancerSnapshot snapshot) {

    public static ConfigChange update(LoadBalancerSnapshot snapshot) {
        return new ConfigChange(snapshot.id(), snapshot);
    }

    public static ConfigChange deletion(UUID loadBalancerId) {
        return new ConfigChange(loadBalancerId, null);
    }
}
