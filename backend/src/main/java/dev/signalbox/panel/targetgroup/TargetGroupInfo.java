package dev.signalbox.panel.targetgroup;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.conditional.EntityTag;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetProtocol;

/** A target group as other features see it; its settings travel to nodes as they are. */
public record TargetGroupInfo(UUID id, String name, TargetProtocol protocol, Algorithm algorithm,
        HealthCheckSnapshot healthCheck, int port, @Nullable HashKeySnapshot hashKey,
        TargetGroupAttributesSnapshot attributes) {

    /** A group on port 80 with the default attributes. */
    public TargetGroupInfo(UUID id, String name, TargetProtocol protocol, Algorithm algorithm,
            HealthCheckSnapshot healthCheck) {
        this(id, name, protocol, algorithm, healthCheck, 80, null, TargetGroupAttributesSnapshot.DEFAULTS);
    }

    public EntityTag entityTag() {
        return EntityTag.of(this);
    }
}
