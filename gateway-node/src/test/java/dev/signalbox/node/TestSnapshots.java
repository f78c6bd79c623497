package dev.signalbox.node;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetProtocol;
import dev.signalbox.protocol.TargetSnapshot;

/** Snapshots as the panel publishes them: one HTTP listener forwarding to one round-robin group. */
public final class TestSnapshots {

    private TestSnapshots() {
    }

    public static LoadBalancerSnapshot loadBalancer(UUID id, long revision, List<String> hostNames, int port,
            List<TargetSnapshot> targets) {
        return withListeners(id, revision, hostNames, List.of(port), ListenerProtocol.HTTP, targets);
    }

    public static LoadBalancerSnapshot withListeners(UUID id, long revision, List<String> hostNames,
            List<Integer> ports, ListenerProtocol protocol, List<TargetSnapshot> targets) {
        UUID groupId = UUID.nameUUIDFromBytes(("group-of-" + id).getBytes());
        var healthCheck = new HealthCheckSnapshot(TargetProtocol.HTTP, "/", null, 30, 5, 3, 3, "200");
        var group = new TargetGroupSnapshot(groupId, "app", TargetProtocol.HTTP, Algorithm.ROUND_ROBIN,
                healthCheck, targets);
        List<ListenerSnapshot> listeners = ports.stream()
                .map(port -> new ListenerSnapshot(UUID.randomUUID(), protocol, port, ActionSnapshot.forward(groupId),
                        List.of()))
                .toList();
        return new LoadBalancerSnapshot(LoadBalancerSnapshot.SCHEMA_VERSION, id, UUID.randomUUID(), "lb-" + revision,
                revision, hostNames, listeners, List.of(group), Instant.parse("2026-11-27T10:00:00Z"));
    }

    /**
     * A load balancer of {@code tenantId} with one HTTPS listener serving {@code certificateIds} (the
     * first its default) with {@code tlsPolicy}, forwarding to one round-robin group.
     */
    public static LoadBalancerSnapshot https(UUID id, long revision, UUID tenantId, List<String> hostNames, int port,
            @Nullable String tlsPolicy, List<UUID> certificateIds, List<TargetSnapshot> targets) {
        LoadBalancerSnapshot plain = withListeners(id, revision, hostNames, List.of(port), ListenerProtocol.HTTPS, targets);
        ListenerSnapshot listener = plain.listeners().get(0);
        return new LoadBalancerSnapshot(plain.schemaVersion(), id, tenantId, plain.name(), revision, hostNames,
                List.of(new ListenerSnapshot(listener.id(), ListenerProtocol.HTTPS, port, listener.defaultAction(),
                        List.of(), tlsPolicy, certificateIds)),
                plain.targetGroups(), plain.createdAt());
    }

    /** The same snapshot with its group balanced by {@code algorithm}, hashing {@code hashKey} if given. */
    public static LoadBalancerSnapshot withAlgorithm(LoadBalancerSnapshot snapshot, Algorithm algorithm,
            @Nullable HashKeySnapshot hashKey) {
        List<TargetGroupSnapshot> groups = snapshot.targetGroups().stream()
                .map(group -> new TargetGroupSnapshot(group.id(), group.name(), group.protocol(), algorithm,
                        group.healthCheck(), group.targets(), group.port(), hashKey, group.attributes()))
                .toList();
        return new LoadBalancerSnapshot(snapshot.schemaVersion(), snapshot.id(), snapshot.tenantId(), snapshot.name(),
                snapshot.revision(), snapshot.hostNames(), snapshot.listeners(), groups, snapshot.createdAt(),
                snapshot.tags());
    }

    /** The same snapshot with its groups probed as {@code healthCheck} says. */
    public static LoadBalancerSnapshot withHealthCheck(LoadBalancerSnapshot snapshot, HealthCheckSnapshot healthCheck) {
        List<TargetGroupSnapshot> groups = snapshot.targetGroups().stream()
                .map(group -> new TargetGroupSnapshot(group.id(), group.name(), group.protocol(), group.algorithm(),
                        healthCheck, group.targets(), group.port(), group.hashKey(), group.attributes()))
                .toList();
        return new LoadBalancerSnapshot(snapshot.schemaVersion(), snapshot.id(), snapshot.tenantId(), snapshot.name(),
                snapshot.revision(), snapshot.hostNames(), snapshot.listeners(), groups, snapshot.createdAt(),
                snapshot.tags());
    }

    /** The same snapshot with its groups tuned by {@code attributes} (retries, timeouts, …). */
    public static LoadBalancerSnapshot withAttributes(LoadBalancerSnapshot snapshot,
            TargetGroupAttributesSnapshot attributes) {
        List<TargetGroupSnapshot> groups = snapshot.targetGroups().stream()
                .map(group -> new TargetGroupSnapshot(group.id(), group.name(), group.protocol(), group.algorithm(),
                        group.healthCheck(), group.targets(), group.port(), group.hashKey(), attributes))
                .toList();
        return new LoadBalancerSnapshot(snapshot.schemaVersion(), snapshot.id(), snapshot.tenantId(), snapshot.name(),
                snapshot.revision(), snapshot.hostNames(), snapshot.listeners(), groups, snapshot.createdAt(),
                snapshot.tags());
    }

    public static TargetSnapshot target(String host, int port) {
        return new TargetSnapshot(UUID.randomUUID(), host, port, 1);
    }

    public static TargetSnapshot target(String host, int port, int weight) {
        return new TargetSnapshot(UUID.randomUUID(), host, port, weight);
    }
}
