package dev.signalbox.node.metrics;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters bound for each load balancer, so that those of a load balancer, group or target that
 * went away leave the registry instead of being scraped forever. Micrometer hands back the meter
 * already registered under an id, so binding the same meters again keeps their counts.
 */
final class BoundMeters {

    private final MeterRegistry registry;
    private final Map<UUID, Set<Meter.Id>> byLoadBalancer = new HashMap<>();

    BoundMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Makes {@code meters}, just bound, the meters of {@code loadBalancerId}, and removes its others. */
    synchronized void rebind(UUID loadBalancerId, Collection<? extends Meter> meters) {
        Set<Meter.Id> bound = new HashSet<>();
        meters.forEach(meter -> bound.add(meter.getId()));
        Set<Meter.Id> previous = byLoadBalancer.put(loadBalancerId, bound);
        if (previous != null) {
            previous.stream().filter(id -> !bound.contains(id)).forEach(registry::remove);
        }
    }

    /** Removes every meter of {@code loadBalancerId}, for meters that must be registered afresh. */
    synchronized void unbind(UUID loadBalancerId) {
        Set<Meter.Id> previous = byLoadBalancer.remove(loadBalancerId);
        if (previous != null) {
            previous.forEach(registry::remove);
        }
    }

    /** Removes the meters of every load balancer not in {@code loadBalancerIds}. */
    synchronized void retainOnly(Set<UUID> loadBalancerIds) {
        byLoadBalancer.entrySet().removeIf(entry -> {
            boolean gone = !loadBalancerIds.contains(entry.getKey());
            if (gone) {
                entry.getValue().forEach(registry::remove);
            }
            return gone;
        });
    }
}
