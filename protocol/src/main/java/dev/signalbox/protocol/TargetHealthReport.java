package dev.signalbox.protocol;

import java.time.Instant;
import java.util.List;

/**
 * The health of every target one node checks. Sent right after any target changes state (a few
 * changes close together go out as one report) and every heartbeat, so a reader that missed one
 * catches up with the next; a target missing from a node's report is no longer checked there.
 *
 * @param schemaVersion version of this message's shape, {@link #SCHEMA_VERSION} when written
 * @param nodeId        the node
 * @param sentAt        when the node sent the report
 * @param targets       every target the node checks, in any order
 */
public record TargetHealthReport(int schemaVersion, String nodeId, Instant sentAt, List<TargetHealthStatus> targets) {

    public static final int SCHEMA_VERSION = 1;

    public TargetHealthReport {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
