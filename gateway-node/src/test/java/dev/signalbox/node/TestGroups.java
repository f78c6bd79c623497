package dev.signalbox.node;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetProtocol;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * Snapshots whose round-robin target groups carry chosen attributes (stickiness, slow start,
 * deregistration delay), behind one HTTP listener, as the panel publishes them.
 */
final class TestGroups {

    /** Probes {@code /health} every second; two in a row change a state. */
    static final HealthCheckSnapshot EVERY_SECOND =
            new HealthCheckSnapshot(TargetProtocol.HTTP, "/health", null, 1, 1, 2, 2, "200-299");
    /** Probes {@code /health} every 30 s: no verdict changes what a short test sees. */
    static final HealthCheckSnapshot RARELY =
            new HealthCheckSnapshot(TargetProtocol.HTTP, "/health", null, 30, 5, 3, 3, "200-299");

    private TestGroups() {
    }

    static TargetGroupAttributesSnapshot attributes(int deregistrationDelaySeconds, int slowStartSeconds,
            StickinessSnapshot stickiness) {
        return new TargetGroupAttributesSnapshot(deregistrationDelaySeconds, slowStartSeconds, stickiness, 0, 5_000, 60);
    }

    static StickinessSnapshot stickyFor(int seconds) {
        return new StickinessSnapshot(true, "lb_cookie", seconds);
    }

    static TargetGroupSnapshot group(UUID id, HealthCheckSnapshot healthCheck, TargetGroupAttributesSnapshot attributes,
            List<TargetSnapshot> targets) {
        return new TargetGroupSnapshot(id, "group-" + id.toString().substring(0, 8), TargetProtocol.HTTP,
                Algorithm.ROUND_ROBIN, healthCheck, targets, 0, null, attributes);
    }

    /** A load balancer answering for {@code host} on {@code port} with {@code action}. */
    static LoadBalancerSnapshot loadBalancer(UUID id, long revision, String host, int port, ActionSnapshot action,
            List<TargetGroupSnapshot> groups) {
        var listener = new ListenerSnapshot(UUID.nameUUIDFromBytes(("listener-of-" + id).getBytes()),
                ListenerProtocol.HTTP, port, action, List.of());
        return new LoadBalancerSnapshot(LoadBalancerSnapshot.SCHEMA_VERSION, id, UUID.randomUUID(), "lb-" + revision,
                revision, List.of(host), List.of(listener), groups, Instant.parse("2026-11-27T10:00:00Z"));
    }
}
