package dev.signalbox.protocol;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The complete configuration of one load balancer at one revision. A node replaces everything it
 * knows about the load balancer with a snapshot whose revision is newer than the one it applied.
 *
 * @param schemaVersion version of this message's shape, {@link #SCHEMA_VERSION} when written
 * @param id            load balancer id, also the Kafka key
 * @param tenantId      owning tenant
 * @param name          load balancer name
 * @param revision      monotonically increasing per load balancer
 * @param hostNames     host names the load balancer answers on: its DNS name first, then extras
 * @param listeners     ports it listens on, with their rules
 * @param targetGroups  target groups its listeners forward to
 * @param createdAt     when the panel committed this revision
 */
public record LoadBalancerSnapshot(
        int schemaVersion,
        UUID id,
        UUID tenantId,
        String name,
        long revision,
        List<String> hostNames,
        List<ListenerSnapshot> listeners,
        List<TargetGroupSnapshot> targetGroups,
        Instant createdAt) {

    /** The schema version this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public LoadBalancerSnapshot {
        hostNames = List.copyOf(hostNames);
        listeners = List.copyOf(listeners);
        targetGroups = List.copyOf(targetGroups);
    }
}
