package dev.signalbox.protocol;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * @param tags          the tenant's key/value labels of the load balancer (nodes need not read them)
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
        Instant createdAt,
        Map<String, String> tags) {

    /** The schema version this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public LoadBalancerSnapshot {
        hostNames = List.copyOf(hostNames);
        listeners = List.copyOf(listeners);
        targetGroups = List.copyOf(targetGroups);
        // sorted, so equal configurations encode to equal bytes
        tags = tags == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }

    /** A snapshot without tags. */
    public LoadBalancerSnapshot(int schemaVersion, UUID id, UUID tenantId, String name, long revision,
            List<String> hostNames, List<ListenerSnapshot> listeners, List<TargetGroupSnapshot> targetGroups,
            Instant createdAt) {
        this(schemaVersion, id, tenantId, name, revision, hostNames, listeners, targetGroups, createdAt, Map.of());
    }
}
