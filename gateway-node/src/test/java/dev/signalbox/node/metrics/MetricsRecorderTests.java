package dev.signalbox.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
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

class MetricsRecorderTests {

    private static final UUID LOAD_BALANCER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final TargetSnapshot TARGET = TestSnapshots.target("10.0.0.1", 5432);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TrafficRegistry registry = new TrafficRegistry(
            new ActiveConfig(event -> { }, Clock.systemUTC(), GroupSelectorFactory.PLAIN), meters);
    private final MetricsRecorder recorder = new MetricsRecorder(registry);
    private UUID group;

    @BeforeEach
    void applyLoadBalancer() {
        LoadBalancerSnapshot snapshot = TestSnapshots.loadBalancer(LOAD_BALANCER, 1, List.of("a.test"), 5432,
                List.of(TARGET));
        registry.follow(AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(snapshot)),
                Instant.parse("2026-11-27T10:00:00Z")));
        group = snapshot.targetGroups().get(0).id();
    }

    @Test
    void countsAConnectionAsARequestWithoutStatusInEveryWindow() {
        ConnectionObservation connection = recorder.connectionOpened(LOAD_BALANCER, group, TARGET.id());
        List<TrafficWindow> open = registry.drain();
        connection.closed(300, 4_000, 2_000_000);
        connection.closed(300, 4_000, 2_000_000);
        List<TrafficWindow> closed = registry.drain();

        assertThat(open).extracting(TrafficWindow::requests, TrafficWindow::inFlight)
                .containsExactly(tuple(0L, 1L), tuple(0L, 1L), tuple(0L, 1L));
        assertThat(closed).hasSize(3).allSatisfy(window -> {
            assertThat(window.requests()).as("closing twice counts once").isEqualTo(1);
            assertThat(window.responses2xx() + window.responses5xx()).isZero();
            assertThat(window.bytesReceived()).isEqualTo(300);
            assertThat(window.bytesSent()).isEqualTo(4_000);
            assertThat(window.inFlight()).isZero();
            // 2 ms to reach the target: the bucket of at most 2 ms
            assertThat(window.latencyCounts().get(1)).isEqualTo(1);
        });
        assertThat(meters.get(TrafficRegistry.REQUESTS).tag("target_group", group.toString())
                .tag("status_class", "none").counter().count()).isEqualTo(1.0);
    }

    @Test
    void startsObservingRequestsOfTheLoadBalancersTheNodeServesOnly() {
        RequestObservation request = recorder.requestStarted(LOAD_BALANCER);

        assertThat(recorder.requestStarted(UUID.randomUUID())).isNull();
        assertThat(request).isNotNull();
        assertThat(registry.drain()).extracting(TrafficWindow::loadBalancerId, TrafficWindow::targetGroupId,
                TrafficWindow::inFlight).containsExactly(tuple(LOAD_BALANCER, null, 1L));
        request.picked(group, TARGET.id());
        request.responded(200, 2);
        request.ended(1);
        assertThat(registry.drain()).hasSize(3).allSatisfy(window -> {
            assertThat(window.requests()).isEqualTo(1);
            assertThat(window.responses2xx()).isEqualTo(1);
            assertThat(window.inFlight()).isZero();
        });
    }

    @Test
    void ignoresALoadBalancerTheNodeDoesNotServe() {
        ConnectionObservation connection = recorder.connectionOpened(UUID.randomUUID(), group, TARGET.id());
        connection.closed(1, 1, 1);

        assertThat(registry.drain()).isEmpty();
    }
}
