package dev.signalbox.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TargetHealthTrackerTests {

    private static final Instant REGISTERED = Instant.parse("2026-11-27T10:00:00Z");

    private final TargetHealthTracker tracker = new TargetHealthTracker(REGISTERED, 10);
    /** A fake clock: every probe is one second after the previous one. */
    private int probes;

    @Test
    void startsInitialWhileTheFirstChecksRun() {
        assertThat(tracker.health()).isEqualTo(new TargetHealth(HealthState.INITIAL,
                HealthReason.INITIAL_HEALTH_CHECKING, REGISTERED, List.of()));
    }

    @Test
    void becomesHealthyAfterTheHealthyThresholdOfSuccessesInARow() {
        assertThat(record(ProbeOutcome.SUCCESS, 3, 2)).isFalse();
        assertThat(record(ProbeOutcome.SUCCESS, 3, 2)).isFalse();
        assertThat(tracker.state()).isEqualTo(HealthState.INITIAL);

        assertThat(record(ProbeOutcome.SUCCESS, 3, 2)).isTrue();

        TargetHealth health = tracker.health();
        assertThat(health.state()).isEqualTo(HealthState.HEALTHY);
        assertThat(health.reason()).isNull();
        assertThat(health.since()).isEqualTo(REGISTERED.plusSeconds(3));
    }

    @Test
    void aFailureRestartsTheCountOfSuccesses() {
        record(ProbeOutcome.SUCCESS, 2, 3);
        record(ProbeOutcome.TIMEOUT, 2, 3);
        assertThat(record(ProbeOutcome.SUCCESS, 2, 3)).isFalse();
        assertThat(tracker.state()).isEqualTo(HealthState.INITIAL);

        assertThat(record(ProbeOutcome.SUCCESS, 2, 3)).isTrue();
        assertThat(tracker.state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void staysHealthyThroughFewerFailuresThanTheUnhealthyThreshold() {
        healthy();
        assertThat(record(ProbeOutcome.RESPONSE_CODE_MISMATCH, 2, 3)).isFalse();
        assertThat(record(ProbeOutcome.RESPONSE_CODE_MISMATCH, 2, 3)).isFalse();
        record(ProbeOutcome.SUCCESS, 2, 3);
        assertThat(record(ProbeOutcome.RESPONSE_CODE_MISMATCH, 2, 3)).isFalse();
        assertThat(record(ProbeOutcome.RESPONSE_CODE_MISMATCH, 2, 3)).isFalse();

        assertThat(tracker.state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void becomesUnhealthyAfterTheUnhealthyThresholdWithTheReasonOfTheFailure() {
        healthy();
        record(ProbeOutcome.RESPONSE_CODE_MISMATCH, 2, 3);
        record(ProbeOutcome.RESPONSE_CODE_MISMATCH, 2, 3);
        assertThat(record(ProbeOutcome.RESPONSE_CODE_MISMATCH, 2, 3)).isTrue();

        TargetHealth health = tracker.health();
        assertThat(health.state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(health.reason()).isEqualTo(HealthReason.RESPONSE_CODE_MISMATCH);
        assertThat(health.reason().code()).isEqualTo("Target.ResponseCodeMismatch");
        assertThat(health.since()).isEqualTo(REGISTERED.plusSeconds(probes));
    }

    @Test
    void anInitialTargetBecomesUnhealthyAfterTheUnhealthyThresholdOfFailures() {
        record(ProbeOutcome.CONNECTION_FAILED, 5, 2);
        assertThat(record(ProbeOutcome.CONNECTION_FAILED, 5, 2)).isTrue();

        assertThat(tracker.health().state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(tracker.health().reason().code()).isEqualTo("Target.FailedHealthChecks");
    }

    @Test
    void anUnhealthyTargetKeepsItsSinceButTakesTheReasonOfTheLatestFailure() {
        record(ProbeOutcome.CONNECTION_FAILED, 2, 1);
        Instant since = tracker.health().since();

        assertThat(record(ProbeOutcome.TIMEOUT, 2, 1)).isFalse();

        assertThat(tracker.health().reason().code()).isEqualTo("Target.Timeout");
        assertThat(tracker.health().since()).isEqualTo(since);
    }

    @Test
    void recoversAfterTheHealthyThresholdOfSuccessesInARow() {
        record(ProbeOutcome.TIMEOUT, 2, 1);
        assertThat(record(ProbeOutcome.SUCCESS, 2, 1)).isFalse();
        assertThat(tracker.state()).isEqualTo(HealthState.UNHEALTHY);

        assertThat(record(ProbeOutcome.SUCCESS, 2, 1)).isTrue();
        assertThat(tracker.state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void keepsTheLastTenProbesOldestFirst() {
        List<ProbeResult> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ProbeResult result = result(i % 2 == 0 ? ProbeOutcome.SUCCESS : ProbeOutcome.TIMEOUT);
            all.add(result);
            tracker.record(result, 3, 3);
        }

        assertThat(tracker.health().recentProbes()).containsExactlyElementsOf(all.subList(2, 12));
    }

    private void healthy() {
        record(ProbeOutcome.SUCCESS, 1, 1);
        assertThat(tracker.state()).isEqualTo(HealthState.HEALTHY);
    }

    private boolean record(ProbeOutcome outcome, int healthyThreshold, int unhealthyThreshold) {
        return tracker.record(result(outcome), healthyThreshold, unhealthyThreshold);
    }

    private ProbeResult result(ProbeOutcome outcome) {
        probes++;
        return new ProbeResult(REGISTERED.plus(Duration.ofSeconds(probes)), 3, outcome,
                outcome == ProbeOutcome.SUCCESS ? 200 : null);
    }
}
