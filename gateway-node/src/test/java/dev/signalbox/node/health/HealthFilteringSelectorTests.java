package dev.signalbox.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.node.outlier.OutlierDetector;
import dev.signalbox.node.outlier.OutlierProperties;
import dev.signalbox.node.retry.AttemptFailure;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetProtocol;
import dev.signalbox.protocol.TargetSnapshot;

class HealthFilteringSelectorTests {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final TargetHealthRegistry registry = new TargetHealthRegistry(Clock.fixed(NOW, ZoneOffset.UTC),
            new HealthProperties(0, 10, 16));
    private final AtomicLong nanos = new AtomicLong();
    private final OutlierDetector outliers = new OutlierDetector(
            new OutlierProperties(true, 2, Duration.ofSeconds(30), Duration.ofSeconds(300), 50),
            Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);
    private final TargetSnapshot a = new TargetSnapshot(UUID.randomUUID(), "10.0.0.1", 80, 1);
    private final TargetSnapshot b = new TargetSnapshot(UUID.randomUUID(), "10.0.0.2", 80, 1);
    private final TargetSnapshot c = new TargetSnapshot(UUID.randomUUID(), "10.0.0.3", 80, 1);
    private final TargetGroupSnapshot group = new TargetGroupSnapshot(UUID.randomUUID(), "app", TargetProtocol.HTTP,
            Algorithm.ROUND_ROBIN, new HealthCheckSnapshot(TargetProtocol.HTTP, "/health", null, 1, 1, 1, 1, "200"),
            List.of(a, b, c));

    @Test
    void initialTargetsTakeTrafficUntilTheirFirstVerdict() {
        var selector = selector(0);

        assertThat(picks(selector, 6)).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.1", "10.0.0.2",
                "10.0.0.3");
        assertThat(selector.panic()).isFalse();
    }

    @Test
    void leavesOutUnhealthyTargetsAndTakesThemBackWhenTheyRecover() {
        var selector = selector(0);
        probe(b, ProbeOutcome.TIMEOUT);

        assertThat(picks(selector, 4)).containsExactly("10.0.0.1", "10.0.0.3", "10.0.0.1", "10.0.0.3");

        probe(b, ProbeOutcome.SUCCESS);
        assertThat(picks(selector, 3)).containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2", "10.0.0.3");
    }

    @Test
    void spreadsOverAllTargetsInPanicWhenNoneIsHealthy() {
        var selector = selector(0);
        probe(a, ProbeOutcome.CONNECTION_FAILED);
        probe(b, ProbeOutcome.CONNECTION_FAILED);
        assertThat(selector.panic()).isFalse();

        probe(c, ProbeOutcome.CONNECTION_FAILED);

        assertThat(selector.panic()).isTrue();
        assertThat(picks(selector, 3)).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");
    }

    @Test
    void panicsBelowTheConfiguredShareOfHealthyTargets() {
        var selector = selector(50);
        probe(a, ProbeOutcome.CONNECTION_FAILED);
        assertThat(selector.panic()).as("2 of 3 healthy").isFalse();

        probe(b, ProbeOutcome.CONNECTION_FAILED);

        assertThat(selector.panic()).as("1 of 3 healthy").isTrue();
        assertThat(picks(selector, 3)).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");
    }

    @Test
    void drainedTargetsDoNotCountTowardsPanic() {
        TargetSnapshot drained = new TargetSnapshot(UUID.randomUUID(), "10.0.0.9", 80, 0);
        TargetGroupSnapshot withDrained = new TargetGroupSnapshot(group.id(), "app", TargetProtocol.HTTP,
                Algorithm.ROUND_ROBIN, group.healthCheck(), List.of(a, drained));
        var selector = new HealthFilteringSelector(withDrained, registry, outliers, GroupSelectorFactory.PLAIN, 0);

        probe(a, ProbeOutcome.TIMEOUT);

        assertThat(selector.panic()).isTrue();
        assertThat(picks(selector, 2)).containsExactly("10.0.0.1", "10.0.0.1");
    }

    @Test
    void leavesOutAnEjectedTargetAtOnceAndTakesItBackWhenItsEjectionEnds() {
        var selector = selector(0);
        assertThat(picks(selector, 3)).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");

        outliers.failed(group, b, AttemptFailure.CONNECT_FAILED);
        outliers.failed(group, b, AttemptFailure.CONNECT_FAILED);

        assertThat(picks(selector, 4)).containsExactly("10.0.0.1", "10.0.0.3", "10.0.0.1", "10.0.0.3");

        nanos.set(Duration.ofSeconds(30).toNanos() - 1);
        assertThat(picks(selector, 2)).containsExactly("10.0.0.1", "10.0.0.3");

        nanos.set(Duration.ofSeconds(30).toNanos());
        assertThat(picks(selector, 3)).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");
    }

    @Test
    void spreadsOverAllTargetsInPanicWhenUnhealthyAndEjectedTargetsLeaveNone() {
        var selector = selector(0);
        probe(a, ProbeOutcome.TIMEOUT);
        probe(c, ProbeOutcome.TIMEOUT);
        assertThat(selector.panic()).isFalse();

        outliers.answered(group, b, 503);
        outliers.answered(group, b, 503);

        assertThat(selector.panic()).isTrue();
        assertThat(picks(selector, 3)).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");
    }

    private HealthFilteringSelector selector(int panicThresholdPercent) {
        return new HealthFilteringSelector(group, registry, outliers, GroupSelectorFactory.PLAIN, panicThresholdPercent);
    }

    private void probe(TargetSnapshot target, ProbeOutcome outcome) {
        registry.record(group.id(), target, new ProbeResult(NOW, 1, outcome, null), 1, 1);
    }

    private static List<String> picks(HealthFilteringSelector selector, int count) {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hosts.add(selector.pick().host());
        }
        return hosts;
    }
}
