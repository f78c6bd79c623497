package dev.signalbox.panel.targetgroup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.signalbox.panel.telemetry.TargetHealthReading;
import dev.signalbox.protocol.TargetHealthState;
import dev.signalbox.protocol.TargetHealthStatus;

import static dev.signalbox.protocol.TargetHealthState.DRAINING;
import static dev.signalbox.protocol.TargetHealthState.HEALTHY;
import static dev.signalbox.protocol.TargetHealthState.INITIAL;
import static dev.signalbox.protocol.TargetHealthState.UNHEALTHY;
import static dev.signalbox.protocol.TargetHealthState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TargetHealthSummaryTests {

    private static final UUID LB = UUID.randomUUID();
    private static final UUID GROUP = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final TargetInfo healthy = target("10.0.0.1");
    private final TargetInfo failing = target("10.0.0.2");
    private final TargetInfo unseen = target("10.0.0.3");
    private final TargetInfo checking = target("10.0.0.4");
    private final TargetInfo newer = target("10.0.0.5");
    private final UUID deregistered = UUID.randomUUID();
    private final UUID stale = UUID.randomUUID();

    @Test
    void aTargetIsAsWellAsTheWorstNodeSeesIt() {
        Map<UUID, List<TargetHealthReading>> readings = Map.of(
                healthy.id(), List.of(node("a", healthy, HEALTHY, null), node("b", healthy, HEALTHY, null)),
                failing.id(), List.of(node("a", failing, HEALTHY, null), node("b", failing, UNHEALTHY, "Target.Timeout")),
                checking.id(), List.of(node("a", checking, INITIAL, "Elb.InitialHealthChecking"),
                        node("b", checking, HEALTHY, null)),
                newer.id(), List.of(node("a", newer, UNKNOWN, "Target.Future"), node("b", newer, HEALTHY, null)));

        List<TargetHealthSummary> summaries = TargetHealthSummary.of(
                List.of(healthy, failing, unseen, checking, newer), readings);

        assertThat(summaries).extracting(TargetHealthSummary::host, TargetHealthSummary::registered,
                TargetHealthSummary::state, TargetHealthSummary::reason).containsExactly(
                        tuple("10.0.0.1", true, HEALTHY, null),
                        tuple("10.0.0.2", true, UNHEALTHY, "Target.Timeout"),
                        tuple("10.0.0.3", true, INITIAL, "Elb.RegistrationInProgress"),
                        tuple("10.0.0.4", true, INITIAL, "Elb.InitialHealthChecking"),
                        tuple("10.0.0.5", true, UNKNOWN, "Target.Future"));
        assertThat(summaries.get(1).nodes()).extracting(TargetHealthReading::nodeId).containsExactly("a", "b");
        assertThat(summaries.get(2).nodes()).isEmpty();
    }

    @Test
    void deregisteredTargetsAreShownWhileANodeDrainsThemAndNotAfter() {
        TargetInfo drainingTarget = new TargetInfo(deregistered, GROUP, "10.0.0.9", 8080, 1);
        TargetInfo staleTarget = new TargetInfo(stale, GROUP, "10.0.0.8", 8080, 1);
        Map<UUID, List<TargetHealthReading>> readings = Map.of(
                healthy.id(), List.of(node("a", healthy, HEALTHY, null)),
                deregistered, List.of(node("a", drainingTarget, HEALTHY, null),
                        node("b", drainingTarget, DRAINING, "Target.DeregistrationInProgress")),
                // a node that has not applied the deregistration yet still checks it: not draining anywhere
                stale, List.of(node("a", staleTarget, HEALTHY, null)));

        List<TargetHealthSummary> summaries = TargetHealthSummary.of(List.of(healthy), readings);

        assertThat(summaries).extracting(TargetHealthSummary::targetId, TargetHealthSummary::host,
                TargetHealthSummary::registered, TargetHealthSummary::state, TargetHealthSummary::reason).containsExactly(
                        tuple(healthy.id(), "10.0.0.1", true, HEALTHY, null),
                        tuple(deregistered, "10.0.0.9", false, DRAINING, "Target.DeregistrationInProgress"));
        assertThat(summaries.get(1).nodes()).extracting(TargetHealthReading::nodeId).containsExactly("a", "b");
    }

    private static TargetInfo target(String host) {
        return new TargetInfo(UUID.randomUUID(), GROUP, host, 8080, 1);
    }

    private static TargetHealthReading node(String nodeId, TargetInfo target, TargetHealthState state,
            @Nullable String reason) {
        return new TargetHealthReading(nodeId, NOW, new TargetHealthStatus(LB, GROUP, target.id(), target.host(),
                target.port(), state, reason, NOW.minusSeconds(30), null, List.of()));
    }
}
