package dev.signalbox.node.outlier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.TargetSnapshot;

class GroupEjectionsTests {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final TargetSnapshot a = new TargetSnapshot(UUID.randomUUID(), "10.0.0.1", 80, 1);
    private final TargetSnapshot b = new TargetSnapshot(UUID.randomUUID(), "10.0.0.2", 80, 1);
    private final TargetSnapshot c = new TargetSnapshot(UUID.randomUUID(), "10.0.0.3", 80, 1);
    private final TargetSnapshot d = new TargetSnapshot(UUID.randomUUID(), "10.0.0.4", 80, 1);
    private final GroupEjections ejections = new GroupEjections(defaults());

    @Test
    void ejectsATargetAtItsFifthFailureInARowForThirtySeconds() {
        assertThat(failures(a, 4, 0, 5)).containsExactly(false, false, false, false, true);

        assertThat(ejections.isEjected(a)).isTrue();
        assertThat(ejections.ejectedUntil(a)).isEqualTo(T0.plusSeconds(30));
        assertThat(ejections.nextReturnNanos()).isEqualTo(30 * SECOND);
        assertThat(ejections.isEjected(b)).isFalse();
        assertThat(ejections.ejectedUntil(b)).isNull();
    }

    @Test
    void aSuccessStartsTheCountAgain() {
        failures(a, 4, 0, 4);
        ejections.succeeded(a);

        assertThat(failures(a, 4, 0, 5)).containsExactly(false, false, false, false, true);
    }

    @Test
    void bringsATargetBackWhenItsEjectionEnds() {
        failures(a, 4, 0, 5);

        assertThat(ejections.returnDue(30 * SECOND - 1)).isZero();
        assertThat(ejections.isEjected(a)).isTrue();
        assertThat(ejections.returnDue(30 * SECOND)).isOne();
        assertThat(ejections.isEjected(a)).isFalse();
        assertThat(ejections.nextReturnNanos()).isEqualTo(GroupEjections.NONE);
    }

    @Test
    void eachEjectionLastsTheBaseTimeTimesTheEjectionsSoFarUpToTheMaximum() {
        List<Long> seconds = new ArrayList<>();
        long now = 0;
        for (int ejection = 1; ejection <= 12; ejection++) {
            failures(a, 4, now, 5);
            long until = ejections.nextReturnNanos();
            seconds.add((until - now) / SECOND);
            // the target fails again right after it comes back
            now = until;
            ejections.returnDue(now);
        }

        assertThat(seconds).containsExactly(30L, 60L, 90L, 120L, 150L, 180L, 210L, 240L, 270L, 300L, 300L, 300L);
    }

    @Test
    void everyBaseTimeBackInRotationTakesOneEjectionOffTheCount() {
        failures(a, 4, 0, 5);
        ejections.returnDue(30 * SECOND);
        failures(a, 4, 30 * SECOND, 5);
        ejections.returnDue(90 * SECOND);
        // ejected twice; back for 65 s, two base times: the next ejection counts as the first again

        failures(a, 4, 155 * SECOND, 5);

        assertThat(ejections.nextReturnNanos()).isEqualTo(185 * SECOND);
    }

    @Test
    void neverEjectsMoreThanHalfTheGroupAndTriesAgainWhenAnotherComesBack() {
        failures(a, 4, 0, 5);
        failures(b, 4, 0, 5);
        assertThat(ejections.isEjected(a)).isTrue();
        assertThat(ejections.isEjected(b)).isTrue();

        assertThat(failures(c, 4, SECOND, 5)).as("a third target out of four would be too many").containsOnly(false);
        assertThat(ejections.isEjected(c)).isFalse();

        ejections.returnDue(30 * SECOND);
        assertThat(ejections.failed(c, 4, 30 * SECOND, T0.plusSeconds(30))).isTrue();
    }

    @Test
    void oneTargetMayAlwaysBeEjectedEvenFromATinyGroup() {
        assertThat(failures(a, 1, 0, 5)).endsWith(true);
        assertThat(failures(b, 1, 0, 5)).containsOnly(false);
    }

    @Test
    void ignoresFailuresOfRequestsUnderWayWhileTheTargetIsEjected() {
        failures(a, 4, 0, 5);

        assertThat(failures(a, 4, SECOND, 10)).containsOnly(false);
        assertThat(ejections.nextReturnNanos()).isEqualTo(30 * SECOND);

        ejections.returnDue(30 * SECOND);
        assertThat(failures(a, 4, 30 * SECOND, 5)).containsExactly(false, false, false, false, true);
    }

    @Test
    void aTargetMovedToAnotherAddressStartsOver() {
        failures(a, 4, 0, 5);
        TargetSnapshot moved = new TargetSnapshot(a.id(), "10.0.0.9", 80, 1);

        assertThat(ejections.isEjected(moved)).isFalse();
        assertThat(failures(moved, 4, SECOND, 5)).containsExactly(false, false, false, false, true);
    }

    @Test
    void forgetsDeregisteredTargetsAndFreesTheirShareOfEjections() {
        failures(a, 4, 0, 5);
        failures(b, 4, 0, 5);

        assertThat(ejections.retainOnly(List.of(a, c, d))).isTrue();
        assertThat(ejections.isEjected(b)).isFalse();
        assertThat(failures(c, 4, SECOND, 5)).as("two of four may go, and only a is out now").endsWith(true);
        assertThat(ejections.retainOnly(List.of(a, c, d))).isFalse();
    }

    /** {@code count} failures of {@code target} at {@code nowNanos}: whether each ejected it. */
    private List<Boolean> failures(TargetSnapshot target, int groupSize, long nowNanos, int count) {
        List<Boolean> ejected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ejected.add(ejections.failed(target, groupSize, nowNanos, T0.plusNanos(nowNanos)));
        }
        return ejected;
    }

    private static OutlierProperties defaults() {
        return new OutlierProperties(true, 5, Duration.ofSeconds(30), Duration.ofSeconds(300), 50);
    }
}
