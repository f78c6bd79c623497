package dev.signalbox.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.node.outlier.OutlierDetector;
import dev.signalbox.node.outlier.OutlierProperties;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetProtocol;
import dev.signalbox.protocol.TargetSnapshot;

/** When targets enter slow start, and how a health-filtered selector ramps them, on a fake clock. */
class SlowStartTests {

    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
    private static final int WINDOW_SECONDS = 100;

    private final FakeClock clock = new FakeClock();
    private final TargetHealthRegistry registry = new TargetHealthRegistry(clock, new HealthProperties(0, 10, 16));
    private final OutlierDetector outliers = new OutlierDetector(
            new OutlierProperties(true, 5, Duration.ofSeconds(30), Duration.ofSeconds(300), 50), clock);
    private final TargetSnapshot a = new TargetSnapshot(UUID.randomUUID(), "10.0.0.1", 80, 1);
    private final TargetSnapshot b = new TargetSnapshot(UUID.randomUUID(), "10.0.0.2", 80, 1);
    private final TargetSnapshot c = new TargetSnapshot(UUID.randomUUID(), "10.0.0.3", 80, 1);
    private final UUID groupId = UUID.randomUUID();

    @Test
    void theTargetsOfANewGroupTakeTheirFullShareAtOnce() {
        registry.register(groupId, List.of(a, b));

        assertThat(registry.slowStartSince(groupId, a)).isNull();
        assertThat(registry.slowStartSince(groupId, b)).isNull();
    }

    @Test
    void aTargetJoiningAGroupWithAHealthyTargetRampsFromItsRegistration() {
        registry.register(groupId, List.of(a));
        probe(a, ProbeOutcome.SUCCESS);
        clock.advance(Duration.ofSeconds(5));
        long version = registry.version();

        registry.register(groupId, List.of(a, b));

        assertThat(registry.slowStartSince(groupId, b)).isEqualTo(START.plusSeconds(5));
        assertThat(registry.slowStartSince(groupId, a)).isNull();
        assertThat(registry.version()).as("selectors rebuild with the ramp").isGreaterThan(version);
    }

    @Test
    void aTargetJoiningAGroupWhoseTargetsAreAllStillInitialTakesItsFullShare() {
        registry.register(groupId, List.of(a));

        registry.register(groupId, List.of(a, b));

        assertThat(registry.slowStartSince(groupId, b)).isNull();
    }

    @Test
    void aTargetRecoveringWhileAnotherIsHealthyRampsAndAnUnhealthyVerdictEndsTheRamp() {
        registry.register(groupId, List.of(a, b));
        probe(a, ProbeOutcome.SUCCESS);
        probe(b, ProbeOutcome.TIMEOUT);
        clock.advance(Duration.ofSeconds(7));

        probe(b, ProbeOutcome.SUCCESS);
        assertThat(registry.slowStartSince(groupId, b)).isEqualTo(START.plusSeconds(7));

        probe(b, ProbeOutcome.TIMEOUT);
        assertThat(registry.slowStartSince(groupId, b)).isNull();
    }

    @Test
    void theFirstTargetToRecoverInAGroupWithoutHealthyTargetsTakesItsFullShare() {
        registry.register(groupId, List.of(a, b));
        probe(a, ProbeOutcome.TIMEOUT);
        probe(b, ProbeOutcome.TIMEOUT);

        probe(b, ProbeOutcome.SUCCESS);

        assertThat(registry.slowStartSince(groupId, b)).isNull();
    }

    @Test
    void passingTheFirstChecksDoesNotRestartARamp() {
        registry.register(groupId, List.of(a));
        probe(a, ProbeOutcome.SUCCESS);
        registry.register(groupId, List.of(a, b));
        clock.advance(Duration.ofSeconds(3));

        probe(b, ProbeOutcome.SUCCESS);

        assertThat(registry.slowStartSince(groupId, b)).isEqualTo(START);
    }

    @Test
    void theHealthFilteredSelectorRampsANewTargetUntilTheWindowEnds() {
        registry.register(groupId, List.of(a, b));
        probe(a, ProbeOutcome.SUCCESS);
        probe(b, ProbeOutcome.SUCCESS);
        registry.register(groupId, List.of(a, b, c));
        clock.advance(Duration.ofSeconds(50));
        // at half the window c keeps picks below 550 thousandths: 549 keeps, 550 sends the request on to a
        var selector = new HealthFilteringSelector(group(WINDOW_SECONDS, a, b, c), registry, outliers, GroupSelectorFactory.PLAIN,
                0, new ScriptedDraws(549, 550));

        assertThat(picks(selector, 6)).containsExactly("a", "b", "c", "a", "b", "a");

        clock.advance(Duration.ofSeconds(50));
        assertThat(picks(selector, 3)).as("no draws once the ramp is over").containsExactly("b", "c", "a");
    }

    @Test
    void aGroupWithoutSlowStartGivesANewTargetItsFullShare() {
        registry.register(groupId, List.of(a));
        probe(a, ProbeOutcome.SUCCESS);
        registry.register(groupId, List.of(a, c));
        var selector = new HealthFilteringSelector(group(0, a, c), registry, outliers, GroupSelectorFactory.PLAIN, 0,
                new ScriptedDraws());

        assertThat(picks(selector, 4)).containsExactly("a", "c", "a", "c");
    }

    @Test
    void inPanicEveryTargetTakesItsFullShare() {
        registry.register(groupId, List.of(a, b, c));
        probe(a, ProbeOutcome.SUCCESS);
        probe(c, ProbeOutcome.SUCCESS);
        probe(b, ProbeOutcome.TIMEOUT);
        probe(b, ProbeOutcome.SUCCESS);
        probe(a, ProbeOutcome.TIMEOUT);
        probe(c, ProbeOutcome.TIMEOUT);
        // one of three healthy is below the threshold of half
        var selector = new HealthFilteringSelector(group(WINDOW_SECONDS, a, b, c), registry, outliers, GroupSelectorFactory.PLAIN,
                50, new ScriptedDraws());

        assertThat(registry.slowStartSince(groupId, b)).as("b is ramping").isEqualTo(START);
        assertThat(selector.panic()).isTrue();
        assertThat(picks(selector, 6)).containsExactly("a", "b", "c", "a", "b", "c");
    }

    private TargetGroupSnapshot group(int slowStartSeconds, TargetSnapshot... targets) {
        var attributes = new TargetGroupAttributesSnapshot(300, slowStartSeconds, StickinessSnapshot.DISABLED, 0, 5_000,
                60);
        return new TargetGroupSnapshot(groupId, "app", TargetProtocol.HTTP, Algorithm.ROUND_ROBIN,
                new HealthCheckSnapshot(TargetProtocol.HTTP, "/health", null, 1, 1, 1, 1, "200"), List.of(targets), 80,
                null, attributes);
    }

    private void probe(TargetSnapshot target, ProbeOutcome outcome) {
        registry.record(groupId, target, new ProbeResult(clock.instant(), 1, outcome, null), 1, 1);
    }

    /** The last octet of each picked target's address: a, b or c. */
    private static List<String> picks(HealthFilteringSelector selector, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(switch (selector.pick().host()) {
                case "10.0.0.1" -> "a";
                case "10.0.0.2" -> "b";
                default -> "c";
            });
        }
        return names;
    }

    /** A clock that stands still until a test moves it. */
    private static final class FakeClock extends Clock {

        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Bounded draws given in advance; any draw beyond them fails the test. */
    private static final class ScriptedDraws implements RandomGenerator {

        private final ArrayDeque<Integer> draws = new ArrayDeque<>();

        ScriptedDraws(int... draws) {
            for (int draw : draws) {
                this.draws.add(draw);
            }
        }

        @Override
        public int nextInt(int bound) {
            Integer draw = draws.poll();
            if (draw == null) {
                throw new IllegalStateException("no draw left");
            }
            return draw;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }
    }
}
