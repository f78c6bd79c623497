package dev.signalbox.protocol;

import java.util.List;
import java.util.UUID;

/**
 * A group of targets requests are balanced over.
 *
 * @param id          target group id
 * @param name        target group name, unique per load balancer
 * @param protocol    protocol spoken to the targets
 * @param algorithm   how a target is picked
 * @param healthCheck how targets are probed
 * @param targets     registered targets
 */
public record TargetGroupSnapshot(
        UUID id,
        String name,
        TargetProtocol protocol,
        Algorithm algorithm,
        HealthCheckSnapshot healthCheck,
        List<TargetSnapshot> targets) {

    public TargetGroupSnapshot {
        targets = List.copyOf(targets);
    }
}
