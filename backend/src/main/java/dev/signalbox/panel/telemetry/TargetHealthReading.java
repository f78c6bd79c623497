package dev.signalbox.panel.telemetry;

import java.time.Instant;

import dev.signalbox.protocol.TargetHealthStatus;

/**
 * A target's health as one node last reported it.
 *
 * @param reportedAt when the node sent the report
 */
public record TargetHealthReading(String nodeId, Instant reportedAt, TargetHealthStatus status) {
}
