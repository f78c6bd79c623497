package dev.signalbox.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A gateway node's heartbeat: sent every few seconds and right after it applies a revision.
 *
 * @param schemaVersion    version of this message's shape, {@link #SCHEMA_VERSION} when written
 * @param nodeId           stable id of the node
 * @param version          software version of the node
 * @param sentAt           when the node sent this report
 * @param boundPorts       listener ports the node currently serves
 * @param appliedRevisions per load balancer id, the revision the node serves and when it applied it
 */
public record NodeStatus(
        int schemaVersion,
        String nodeId,
        String version,
        Instant sentAt,
        List<Integer> boundPorts,
        Map<UUID, AppliedRevision> appliedRevisions) {

    /** The schema version this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public NodeStatus {
        boundPorts = List.copyOf(boundPorts);
        appliedRevisions = Map.copyOf(appliedRevisions);
    }
}
