package dev.signalbox.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.node.TestSnapshots;
import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.routing.AppliedConfig;
import dev.signalbox.node.routing.ConfigChange;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetSnapshot;
import dev.signalbox.protocol.TrafficWindow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class TrafficRegistryTests {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final UUID LOAD_BALANCER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final TargetSnapshot ALPHA = TestSnapshots.target("10.0.0.1", 80);
    private static final TargetSnapshot BETA = TestSnapshots.target("10.0.0.2", 80);
    private static final TargetSnapshot GAMMA = TestSnapshots.target("10.0.0.3", 80);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TrafficRegistry registry = new TrafficRegistry(
            new ActiveConfig(event -> { }, Clock.systemUTC(), GroupSelectorFactory.PLAIN), meters);
    private AppliedConfig config = AppliedConfig.EMPTY;

    @Test
    void bindsCountersForTheLoadBalancerEachGroupAndEachTarget() {
        LoadBalancerSnapshot snapshot = apply(1, ALPHA, BETA);
        UUID group = groupOf(snapshot);

        LoadBalancerTraffic traffic = registry.loadBalancer(LOAD_BALANCER);
        traffic.counters().record(4, 0, 0, 0);
        traffic.group(group).counters().record(2, 0, 0, 0);
        traffic.group(group).target(ALPHA.id()).record(2, 0, 0, 0);

        assertThat(registry.drain()).extracting(TrafficWindow::targetGroupId, TrafficWindow::targetId,
                        TrafficWindow::requests)
                .containsExactlyInAnyOrder(
                        tuple(null, null, 1L),
                        tuple(group, null, 1L),
                        tuple(group, ALPHA.id(), 1L));
        assertThat(traffic.group(group).target(BETA.id())).isNotNull();
        assertThat(registry.loadBalancer(UUID.randomUUID())).isNull();
    }

    @Test
    void keepsCountingAcrossRevisionsAndDrainsARemovedTargetOnceMore() {
        LoadBalancerSnapshot first = apply(1, ALPHA, BETA);
        UUID group = groupOf(first);
        GroupTraffic before = registry.loadBalancer(LOAD_BALANCER).group(group);
        before.target(ALPHA.id()).record(2, 0, 0, 0);
        before.target(BETA.id()).record(5, 0, 0, 0);

        apply(2, ALPHA, GAMMA);
        GroupTraffic after = registry.loadBalancer(LOAD_BALANCER).group(group);
        after.target(ALPHA.id()).record(2, 0, 0, 0);

        assertThat(after.target(ALPHA.id())).isSameAs(before.target(ALPHA.id()));
        assertThat(after.target(BETA.id())).isNull();
        assertThat(registry.drain()).extracting(TrafficWindow::targetId, TrafficWindow::requests)
                .containsExactlyInAnyOrder(
                        tuple(ALPHA.id(), 2L),
                        tuple(BETA.id(), 1L));
        before.target(BETA.id()).record(5, 0, 0, 0);
        assertThat(registry.drain()).as("a removed target is dropped after one more window").isEmpty();
    }

    @Test
    void bindsRequestMetersOncePerSnapshotAndRemovesThoseOfGoneGroupsAndLoadBalancers() {
        LoadBalancerSnapshot first = apply(1, ALPHA);
        UUID group = groupOf(first);
        registry.loadBalancer(LOAD_BALANCER).group(group).requestsByStatusClass()[2].increment();

        apply(2, ALPHA, BETA);

        assertThat(meters.get(TrafficRegistry.REQUESTS).tag("target_group", group.toString())
                .tag("status_class", "2xx").counter().count()).isEqualTo(1.0);
        assertThat(meters.get(TrafficRegistry.REQUESTS).tag("target_group", "").counters()).hasSize(6);
        assertThat(meters.get(TrafficRegistry.LATENCY).timers()).hasSize(1);
        assertThat(meters.get(TrafficRegistry.IN_FLIGHT).gauges()).hasSize(1);

        config = config.apply(List.of(ConfigChange.deletion(LOAD_BALANCER)), NOW);
        registry.follow(config);

        assertThat(meters.getMeters()).isEmpty();
        assertThat(registry.loadBalancer(LOAD_BALANCER)).isNull();
    }

    @Test
    void reportsInFlightRequestsOnTheGauge() {
        apply(1, ALPHA);
        TrafficCounters counters = registry.loadBalancer(LOAD_BALANCER).counters();
        counters.started();
        counters.started();
        counters.ended();

        assertThat(meters.get(TrafficRegistry.IN_FLIGHT).tag("load_balancer", LOAD_BALANCER.toString()).gauge().value())
                .isEqualTo(1.0);
    }

    private LoadBalancerSnapshot apply(long revision, TargetSnapshot... targets) {
        LoadBalancerSnapshot snapshot = TestSnapshots.loadBalancer(LOAD_BALANCER, revision, List.of("a.test"), 8080,
                List.of(targets));
        config = config.apply(List.of(ConfigChange.update(snapshot)), NOW);
        registry.follow(config);
        return snapshot;
    }

    private static UUID groupOf(LoadBalancerSnapshot snapshot) {
        return snapshot.targetGroups().get(0).id();
    }
}
