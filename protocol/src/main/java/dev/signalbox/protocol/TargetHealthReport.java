package dev.signalbox.protocol;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The health of the targets one node checks. A complete report, sent at least every few seconds and
 * whenever the node's config changed, carries every target: one missing from it is no longer checked
 * there, and a reader that missed a report catches up with it. Between complete reports, a change of
 * state (a few changes close together go out as one) is sent as a partial report carrying only the
 * target groups that changed, whole; the other groups stand as last reported.
 *
 * @param schemaVersion version of this message's shape, {@link #SCHEMA_VERSION} when written
 * @param nodeId        the node
 * @param sentAt        when the node sent the report
 * @param targets       every target the node checks, in any order
 * @param panicGroups   the target groups in panic mode on the node: too few of their targets are
 *                      healthy, so it spreads their requests over all of them (of a partial report:
 *                      among the groups it carries)
 * @param partial       whether the report carries only the groups that changed; false (complete) when
 *                      absent, as sent by nodes from before partial reports
 */
public record TargetHealthReport(int schemaVersion, String nodeId, Instant sentAt, List<TargetHealthStatus> targets,
        List<UUID> panicGroups, boolean partial) {

    public static final int SCHEMA_VERSION = 1;

    public TargetHealthReport {
        targets = targets == null ? List.of() : List.copyOf(targets);
        panicGroups = panicGroups == null ? List.of() : List.copyOf(panicGroups);
    }

    /** A complete report. */
    public TargetHealthReport(int schemaVersion, String nodeId, Instant sentAt, List<TargetHealthStatus> targets,
            List<UUID> panicGroups) {
        this(schemaVersion, nodeId, sentAt, targets, panicGroups, false);
    }

    /** A complete report with no group in panic mode. */
    public TargetHealthReport(int schemaVersion, String nodeId, Instant sentAt, List<TargetHealthStatus> targets) {
        this(schemaVersion, nodeId, sentAt, targets, List.of());
    }
}
