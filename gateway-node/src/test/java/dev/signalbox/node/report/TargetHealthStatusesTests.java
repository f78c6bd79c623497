package dev.signalbox.node.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.node.TestSnapshots;
import dev.signalbox.node.health.HealthReason;
import dev.signalbox.node.health.HealthState;
import dev.signalbox.node.health.ProbeOutcome;
import dev.signalbox.node.health.ProbeResult;
import dev.signalbox.node.health.TargetHealth;
import dev.signalbox.node.routing.DrainingTargets.DrainingTarget;
import dev.signalbox.protocol.ProbeSnapshot;
import dev.signalbox.protocol.TargetHealthState;
import dev.signalbox.protocol.TargetHealthStatus;
import dev.signalbox.protocol.TargetSnapshot;

class TargetHealthStatusesTests {

    private static final UUID LOAD_BALANCER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID GROUP = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final Instant SINCE = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void reportsAnUnhealthyTargetWithItsReasonCodeAndProbesOldestFirst() {
        TargetSnapshot target = TestSnapshots.target("10.0.0.7", 8080);
        var passed = new ProbeResult(SINCE.minusSeconds(2), 3, ProbeOutcome.SUCCESS, 200);
        var mismatch = new ProbeResult(SINCE.minusSeconds(1), 4, ProbeOutcome.RESPONSE_CODE_MISMATCH, 503);
        var timeout = new ProbeResult(SINCE, 5_000, ProbeOutcome.TIMEOUT, null);
        var health = new TargetHealth(HealthState.UNHEALTHY, HealthReason.TIMEOUT, SINCE,
                List.of(passed, mismatch, timeout));

        TargetHealthStatus status = TargetHealthStatuses.of(LOAD_BALANCER, GROUP, target, health, null);

        assertThat(status).isEqualTo(new TargetHealthStatus(LOAD_BALANCER, GROUP, target.id(), "10.0.0.7", 8080,
                TargetHealthState.UNHEALTHY, "Target.Timeout", SINCE, null, List.of(
                        new ProbeSnapshot(SINCE.minusSeconds(2), 3, true, null, 200),
                        new ProbeSnapshot(SINCE.minusSeconds(1), 4, false, "Target.ResponseCodeMismatch", 503),
                        new ProbeSnapshot(SINCE, 5_000, false, "Target.Timeout", null))));
    }

    @Test
    void reportsAHealthyTargetWithoutReason() {
        TargetSnapshot target = TestSnapshots.target("10.0.0.8", 80);
        var health = new TargetHealth(HealthState.HEALTHY, null, SINCE, List.of());

        TargetHealthStatus status = TargetHealthStatuses.of(LOAD_BALANCER, GROUP, target, health, null);

        assertThat(status.state()).isEqualTo(TargetHealthState.HEALTHY);
        assertThat(status.reason()).isNull();
        assertThat(status.lastProbes()).isEmpty();
    }

    @Test
    void reportsUntilWhenPassiveDetectionEjectedATarget() {
        TargetSnapshot target = TestSnapshots.target("10.0.0.9", 80);
        var health = new TargetHealth(HealthState.HEALTHY, null, SINCE, List.of());

        TargetHealthStatus status = TargetHealthStatuses.of(LOAD_BALANCER, GROUP, target, health,
                SINCE.plusSeconds(30));

        assertThat(status.state()).isEqualTo(TargetHealthState.HEALTHY);
        assertThat(status.ejectedUntil()).isEqualTo(SINCE.plusSeconds(30));
    }

    @Test
    void reportsADeregisteredTargetStillFinishingRequestsAsDraining() {
        TargetSnapshot target = TestSnapshots.target("10.0.0.10", 80);
        var draining = new DrainingTarget(LOAD_BALANCER, GROUP, "app", target, SINCE, SINCE.plusSeconds(300));

        TargetHealthStatus status = TargetHealthStatuses.of(draining);

        assertThat(status).isEqualTo(new TargetHealthStatus(LOAD_BALANCER, GROUP, target.id(), "10.0.0.10", 80,
                TargetHealthState.DRAINING, "Target.DeregistrationInProgress", SINCE, null, List.of()));
    }

    @Test
    void namesEveryHealthStateAsTheProtocolDoes() {
        for (HealthState state : HealthState.values()) {
            assertThat(TargetHealthStatuses.stateOf(state).name()).isEqualTo(state.name());
        }
    }

    @Test
    void failedConnectionsGiveTheFailedHealthChecksReason() {
        var refused = new ProbeResult(SINCE, 1, ProbeOutcome.CONNECTION_FAILED, null);

        assertThat(TargetHealthStatuses.probeOf(refused).reason()).isEqualTo("Target.FailedHealthChecks");
    }
}
