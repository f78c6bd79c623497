package dev.signalbox.panel.targetgroup;

import java.util.UUID;

import dev.signalbox.panel.conditional.EntityTag;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.TargetProtocol;

/** A target group as other features see it; the health check settings travel to nodes as they are. */
public record TargetGroupInfo(UUID id, String name, TargetProtocol protocol, Algorithm algorithm,
        HealthCheckSnapshot healthCheck) {

    public EntityTag entityTag() {
        return EntityTag.of(this);
    }
}
