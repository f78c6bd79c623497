package dev.signalbox.panel.targetgroup;

import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.TargetProtocol;

/** What a new target group is made of, with the request's defaults filled in. */
record TargetGroupSettings(String name, TargetProtocol protocol, Algorithm algorithm, HealthCheckSnapshot healthCheck) {
}
