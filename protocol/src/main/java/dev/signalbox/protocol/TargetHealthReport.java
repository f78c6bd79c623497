package dev.signalbox.protocol;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The health of every target one node checks. Sent right after any target changes state (a few
 * changes close together go out as one report) and every heartbeat, so a reader that missed one
 * catches up with the next; a target missing from a node's report is no longer checked there.
 *
 * @param schemaVersion version of this message's shape, {@link #SCHEMA_VERSION} when written
 * @param nodeId        the node
 * @param sentAt        when the node sent the report
 * @param targets       every target the node checks, in any order
 * @param panicGroups   the target groups in panic mode on the node: too few of their targets are
 *                      healthy, so it spreads their requests over all of them
 */
public record TargetHealthReport(int schemaVersion, String nodeId, Instant sentAt, List<TargetHealthStatus> targets,
        List<UUID> panicGroups) {

    public static final int SCHEMA_VERSION = 1;

    public TargetHealthReport {
        targets = targets == null ? List.of() : List.copyOf(targets);
        panicGroups = panicGroups == null ? List.of() : List.copyOf(panicGroups);
    }

    /** A report with no group in panic mode. */
    public TargetHealthReport(int schemaVersion, String nodeId, Instant sentAt, List<TargetHealthStatus> targets) {
        this(schemaVersion, nodeId, sentAt, targets, List.of());
    }
}
