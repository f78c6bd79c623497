package dev.signalbox.protocol;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A group of targets requests are balanced over.
 *
 * @param id          target group id
 * @param name        target group name, unique per load balancer
 * @param protocol    protocol spoken to the targets
 * @param algorithm   how a target is picked
 * @param healthCheck how targets are probed
 * @param targets     registered targets
 * @param port        the group's port, which targets registered without one use (0 if not known)
 * @param hashKey     for {@link Algorithm#CONSISTENT_HASH}: what is hashed, otherwise null
 * @param attributes  deregistration delay, slow start, stickiness, retries and timeouts
 */
public record TargetGroupSnapshot(
        UUID id,
        String name,
        TargetProtocol protocol,
        Algorithm algorithm,
        HealthCheckSnapshot healthCheck,
        List<TargetSnapshot> targets,
        int port,
        @Nullable HashKeySnapshot hashKey,
        TargetGroupAttributesSnapshot attributes) {

    public TargetGroupSnapshot {
        targets = targets == null ? List.of() : List.copyOf(targets);
        if (algorithm == null) {
            algorithm = Algorithm.ROUND_ROBIN;
        }
        if (attributes == null) {
            attributes = TargetGroupAttributesSnapshot.DEFAULTS;
        }
    }

    /** A group with the default attributes and no port of its own. */
    public TargetGroupSnapshot(UUID id, String name, TargetProtocol protocol, Algorithm algorithm,
            HealthCheckSnapshot healthCheck, List<TargetSnapshot> targets) {
        this(id, name, protocol, algorithm, healthCheck, targets, 0, null, TargetGroupAttributesSnapshot.DEFAULTS);
    }
}
