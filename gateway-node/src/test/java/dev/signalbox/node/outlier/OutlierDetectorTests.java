package dev.signalbox.node.outlier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.signalbox.node.TestSnapshots;
import dev.signalbox.node.retry.AttemptFailure;
import dev.signalbox.node.routing.AppliedConfig;
import dev.signalbox.node.routing.ConfigApplied;
import dev.signalbox.node.routing.ConfigChange;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;

class OutlierDetectorTests {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final AtomicLong nanos = new AtomicLong(1_000 * SECOND);
    private final TargetSnapshot a = TestSnapshots.target("10.0.0.1", 80);
    private final TargetSnapshot b = TestSnapshots.target("10.0.0.2", 80);
    private final LoadBalancerSnapshot snapshot = TestSnapshots.loadBalancer(UUID.randomUUID(), 1,
            List.of("shop.test"), 8000, List.of(a, b));
    private final TargetGroupSnapshot group = snapshot.targetGroups().get(0);

    @Test
    void fiveServerErrorsInARowEjectATargetAndMoveTheVersion() {
        OutlierDetector detector = detector(true);
        long before = detector.version();

        for (int i = 0; i < 4; i++) {
            detector.answered(group, a, 503);
        }
        assertThat(detector.version()).isEqualTo(before);
        assertThat(detector.isEjected(group.id(), a)).isFalse();

        detector.answered(group, a, 500);

        assertThat(detector.version()).isGreaterThan(before);
        assertThat(detector.isEjected(group.id(), a)).isTrue();
        assertThat(detector.ejectedUntil(group.id(), a)).isEqualTo(NOW.plusSeconds(30));
        assertThat(detector.ejectedUntil(group.id(), b)).isNull();
    }

    @Test
    void connectFailuresBrokenConnectionsAndTimeoutsCountAsFailuresToo() {
        OutlierDetector detector = detector(true);

        detector.failed(group, a, AttemptFailure.CONNECT_FAILED);
        detector.failed(group, a, AttemptFailure.CONNECT_TIMEOUT);
        detector.failed(group, a, AttemptFailure.CONNECTION_BROKEN);
        detector.failed(group, a, AttemptFailure.RESPONSE_TIMEOUT);
        detector.answered(group, a, 502);

        assertThat(detector.isEjected(group.id(), a)).isTrue();
    }

    @Test
    void answersBelow500ResetTheCountAndTheNodesOwnFaultsDoNotCount() {
        OutlierDetector detector = detector(true);

        for (int i = 0; i < 4; i++) {
            detector.answered(group, a, 500);
        }
        detector.answered(group, a, 404);
        for (int i = 0; i < 4; i++) {
            detector.answered(group, a, 500);
        }
        detector.failed(group, a, AttemptFailure.OTHER);

        assertThat(detector.isEjected(group.id(), a)).isFalse();
    }

    @Test
    void anEjectionEndsAtItsTimeOnTheFirstVersionCheckAfterIt() {
        OutlierDetector detector = detector(true);
        eject(detector, a);
        long ejectedVersion = detector.version();

        nanos.addAndGet(30 * SECOND - 1);
        assertThat(detector.version()).isEqualTo(ejectedVersion);
        assertThat(detector.isEjected(group.id(), a)).isTrue();

        nanos.addAndGet(1);
        assertThat(detector.version()).isGreaterThan(ejectedVersion);
        assertThat(detector.isEjected(group.id(), a)).isFalse();
    }

    @Test
    void theEjectionTimeIsReadAfterAnEjectionThatEndedIsBroughtBack() {
        OutlierDetector detector = detector(true);
        eject(detector, a);

        nanos.addAndGet(30 * SECOND);

        assertThat(detector.ejectedUntil(group.id(), a)).isNull();
    }

    @Test
    void forgetsTargetsThatLeaveTheConfig() {
        OutlierDetector detector = detector(true);
        eject(detector, a);
        long ejectedVersion = detector.version();
        LoadBalancerSnapshot withoutA = TestSnapshots.loadBalancer(snapshot.id(), 2, List.of("shop.test"), 8000,
                List.of(b));

        detector.onConfigApplied(new ConfigApplied(AppliedConfig.EMPTY.apply(
                List.of(ConfigChange.update(withoutA)), NOW)));

        assertThat(detector.version()).isGreaterThan(ejectedVersion);
        assertThat(detector.isEjected(group.id(), a)).isFalse();
    }

    @Test
    void ejectsNothingWhenDisabled() {
        OutlierDetector detector = detector(false);

        eject(detector, a);

        assertThat(detector.isEjected(group.id(), a)).isFalse();
        assertThat(detector.version()).isZero();
    }

    private void eject(OutlierDetector detector, TargetSnapshot target) {
        for (int i = 0; i < 5; i++) {
            detector.failed(group, target, AttemptFailure.CONNECT_FAILED);
        }
    }

    private OutlierDetector detector(boolean enabled) {
        return new OutlierDetector(new OutlierProperties(enabled, 5, Duration.ofSeconds(30), Duration.ofSeconds(300), 50),
                Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);
    }
}
