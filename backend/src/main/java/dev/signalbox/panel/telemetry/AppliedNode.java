package dev.signalbox.panel.telemetry;

import java.time.Instant;

/** A live gateway node and the revision of one load balancer it applied. */
public record AppliedNode(String nodeId, long revision, Instant appliedAt) {
}
