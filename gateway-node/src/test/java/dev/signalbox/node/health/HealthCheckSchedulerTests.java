package dev.signalbox.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.signalbox.embedded.FreePort;
import dev.signalbox.node.TestSnapshots;
import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.routing.AppliedConfig;
import dev.signalbox.node.routing.ConfigChange;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;

/** Which health state survives a new revision. The groups probe every 30 s, so no probe interferes. */
class HealthCheckSchedulerTests {

    private final Clock clock = Clock.systemUTC();
    private final TargetHealthRegistry registry = new TargetHealthRegistry(clock, new HealthProperties(0, 10, 16));
    private final HealthCheckScheduler scheduler = new HealthCheckScheduler(
            new ActiveConfig(event -> { }, clock, GroupSelectorFactory.PLAIN), registry,
            new HealthProperties(0, 10, 16), clock);
    private final UUID loadBalancerId = UUID.randomUUID();
    private final TargetSnapshot target = TestSnapshots.target("127.0.0.1", FreePort.pick(), 1);

    @AfterEach
    void stopChecks() {
        scheduler.destroy();
    }

    @Test
    void aTargetKeepsItsStateAcrossRevisionsThatKeepItsAddress() {
        AppliedConfig first = applied(snapshot(1, target));
        scheduler.follow(first);
        TargetGroupSnapshot group = first.loadBalancer(loadBalancerId).snapshot().targetGroups().get(0);
        markUnhealthy(group);

        // a weight change is a new revision, not a new target
        scheduler.follow(applied(snapshot(2, new TargetSnapshot(target.id(), target.host(), target.port(), 5))));

        assertThat(registry.state(group.id(), target)).isEqualTo(HealthState.UNHEALTHY);
    }

    @Test
    void aTargetThatLeavesTheGroupIsForgotten() {
        AppliedConfig first = applied(snapshot(1, target));
        scheduler.follow(first);
        TargetGroupSnapshot group = first.loadBalancer(loadBalancerId).snapshot().targetGroups().get(0);
        markUnhealthy(group);

        scheduler.follow(applied(snapshot(2, TestSnapshots.target("127.0.0.1", target.port()))));

        assertThat(registry.state(group.id(), target)).isEqualTo(HealthState.INITIAL);
    }

    @Test
    void theTargetsOfADeletedLoadBalancerAreForgotten() {
        AppliedConfig first = applied(snapshot(1, target));
        scheduler.follow(first);
        TargetGroupSnapshot group = first.loadBalancer(loadBalancerId).snapshot().targetGroups().get(0);
        markUnhealthy(group);

        scheduler.follow(first.apply(List.of(ConfigChange.deletion(loadBalancerId)), Instant.now()));

        assertThat(registry.state(group.id(), target)).isEqualTo(HealthState.INITIAL);
    }

    private void markUnhealthy(TargetGroupSnapshot group) {
        registry.record(group.id(), target, new ProbeResult(Instant.now(), 1, ProbeOutcome.TIMEOUT, null), 1, 1);
        assertThat(registry.state(group.id(), target)).isEqualTo(HealthState.UNHEALTHY);
    }

    private LoadBalancerSnapshot snapshot(long revision, TargetSnapshot registered) {
        return TestSnapshots.loadBalancer(loadBalancerId, revision, List.of("app.acme.test"), FreePort.pick(),
                List.of(registered));
    }

    private static AppliedConfig applied(LoadBalancerSnapshot snapshot) {
        return AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(snapshot)), Instant.now());
    }
}
