package dev.signalbox.panel.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.signalbox.protocol.AppliedRevision;

/**
 * A gateway node as its last report describes it.
 *
 * @param live whether it was heard from within the silence limit
 */
public record FleetNode(String nodeId, String version, Instant lastHeartbeatAt, boolean live, List<Integer> boundPorts,
        Map<UUID, AppliedRevision> appliedRevisions) {
}
