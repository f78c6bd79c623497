package dev.signalbox.panel.targetgroup;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetProtocol;

/**
 * What a target group is made of, with the request's defaults filled in.
 *
 * @param hashKey for {@link Algorithm#CONSISTENT_HASH} only
 */
public record TargetGroupSettings(String name, TargetProtocol protocol, int port, Algorithm algorithm,
        @Nullable HashKeySnapshot hashKey, HealthCheckSnapshot healthCheck, TargetGroupAttributesSnapshot attributes) {
}
