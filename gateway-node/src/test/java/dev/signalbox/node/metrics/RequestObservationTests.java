package dev.signalbox.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

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

/** A request's observation on a fake clock, read back from the traffic windows and meters it feeds. */
class RequestObservationTests {

    private static final long MILLI = 1_000_000;
    private static final UUID LOAD_BALANCER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final TargetSnapshot ALPHA = TestSnapshots.target("10.0.0.1", 80);
    private static final TargetSnapshot BETA = TestSnapshots.target("10.0.0.2", 80);
    /** The Content-Length of a message without one. */
    private static final long NO_LENGTH = -1;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TrafficRegistry registry = new TrafficRegistry(
            new ActiveConfig(event -> { }, Clock.systemUTC(), GroupSelectorFactory.PLAIN), meters);
    private final AtomicLong nanos = new AtomicLong(1_000 * MILLI);
    private UUID group;
    private LoadBalancerTraffic traffic;

    @BeforeEach
    void applyLoadBalancer() {
        LoadBalancerSnapshot snapshot = TestSnapshots.loadBalancer(LOAD_BALANCER, 1, List.of("a.test"), 8080,
                List.of(ALPHA, BETA));
        registry.follow(AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(snapshot)),
                Instant.parse("2026-11-27T10:00:00Z")));
        group = snapshot.targetGroups().get(0).id();
        traffic = registry.loadBalancer(LOAD_BALANCER);
    }

    @Test
    void countsAProxiedRequestWithItsStatusLatencyAndBytesForLoadBalancerGroupAndTarget() {
        RequestObservation observation = observe();
        observation.picked(group, ALPHA.id());

        nanos.addAndGet(3 * MILLI);
        observation.responded(201, 345);
        nanos.addAndGet(10 * MILLI);
        observation.ended(12);

        Map<UUID, TrafficWindow> windows = drainByTarget();
        assertThat(windows).containsOnlyKeys(LOAD_BALANCER, group, ALPHA.id());
        for (TrafficWindow window : windows.values()) {
            assertThat(window.requests()).isEqualTo(1);
            assertThat(window.responses2xx()).isEqualTo(1);
            assertThat(window.bytesReceived()).isEqualTo(12);
            assertThat(window.bytesSent()).isEqualTo(345);
            assertThat(window.inFlight()).isZero();
            // 3 ms to the response head, not the 13 ms to the end: the bucket of at most 5 ms
            assertThat(window.latencyCounts().get(2)).isEqualTo(1);
            assertThat(window.latencyCounts().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
        }
        assertThat(requestCount(group.toString(), "2xx")).isEqualTo(1.0);
        assertThat(meters.get(TrafficRegistry.LATENCY).timer().count()).isEqualTo(1);
        assertThat(meters.get(TrafficRegistry.LATENCY).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(3.0);
    }

    @Test
    void isInFlightForItsLoadBalancerFromTheStartAndForItsGroupAndTargetFromThePick() {
        RequestObservation observation = observe();
        Map<UUID, TrafficWindow> beforePick = drainByTarget();
        observation.picked(group, ALPHA.id());
        Map<UUID, TrafficWindow> afterPick = drainByTarget();
        observation.responded(200, 0);
        Map<UUID, TrafficWindow> responded = drainByTarget();
        observation.ended(0);
        Map<UUID, TrafficWindow> ended = drainByTarget();

        assertThat(beforePick).containsOnlyKeys(LOAD_BALANCER);
        assertThat(beforePick.get(LOAD_BALANCER).inFlight()).isOne();
        assertThat(afterPick).containsOnlyKeys(LOAD_BALANCER, group, ALPHA.id());
        assertThat(afterPick.values()).extracting(TrafficWindow::requests, TrafficWindow::inFlight)
                .containsOnly(tuple(0L, 1L));
        assertThat(responded.values()).as("counted only as it ends")
                .extracting(TrafficWindow::requests, TrafficWindow::inFlight).containsOnly(tuple(0L, 1L));
        assertThat(ended).containsOnlyKeys(LOAD_BALANCER, group, ALPHA.id());
        assertThat(ended.values()).extracting(TrafficWindow::requests, TrafficWindow::inFlight)
                .containsOnly(tuple(1L, 0L));
    }

    @Test
    void countsAFailedRequestWithTheStatusTheNodeAnsweredIt() {
        RequestObservation observation = observe();
        observation.picked(group, ALPHA.id());

        observation.responded(502, 55);
        observation.ended(NO_LENGTH);

        Map<UUID, TrafficWindow> windows = drainByTarget();
        assertThat(windows).containsOnlyKeys(LOAD_BALANCER, group, ALPHA.id());
        assertThat(windows.values())
                .extracting(TrafficWindow::requests, TrafficWindow::responses5xx, TrafficWindow::bytesSent)
                .containsOnly(tuple(1L, 1L, 55L));
        assertThat(requestCount(group.toString(), "5xx")).isEqualTo(1.0);
    }

    @Test
    void countsARequestTheClientAbandonedWithoutStatusOrLatency() {
        RequestObservation observation = observe();
        observation.picked(group, ALPHA.id());

        nanos.addAndGet(40 * MILLI);
        observation.ended(7);

        TrafficWindow window = drainByTarget().get(ALPHA.id());
        assertThat(window.requests()).isEqualTo(1);
        assertThat(window.responses2xx() + window.responses4xx() + window.responses5xx()).isZero();
        assertThat(window.latencyCounts()).containsOnly(0L);
        assertThat(window.bytesReceived()).isEqualTo(7);
        assertThat(window.bytesSent()).isZero();
        assertThat(window.inFlight()).isZero();
        assertThat(requestCount(group.toString(), "none")).isEqualTo(1.0);
        assertThat(meters.get(TrafficRegistry.LATENCY).timer().count()).isZero();
    }

    @Test
    void countsAnAnswerOfTheNodeItselfForTheLoadBalancerOnly() {
        RequestObservation observation = observe();

        observation.responded(404, 20);
        observation.ended(0);

        Map<UUID, TrafficWindow> windows = drainByTarget();
        assertThat(windows).containsOnlyKeys(LOAD_BALANCER);
        assertThat(windows.get(LOAD_BALANCER).responses4xx()).isEqualTo(1);
        assertThat(windows.get(LOAD_BALANCER).bytesSent()).isEqualTo(20);
        assertThat(requestCount("", "4xx")).isEqualTo(1.0);
    }

    @Test
    void countsNoBytesOfBodiesWithoutALength() {
        RequestObservation observation = observe();
        observation.picked(group, ALPHA.id());

        observation.responded(200, NO_LENGTH);
        observation.ended(NO_LENGTH);

        assertThat(drainByTarget().values()).extracting(TrafficWindow::bytesReceived, TrafficWindow::bytesSent)
                .containsOnly(tuple(0L, 0L));
    }

    @Test
    void movesTheRequestToTheTargetARetryPicked() {
        RequestObservation observation = observe();
        observation.picked(group, ALPHA.id());
        observation.picked(group, BETA.id());

        Map<UUID, TrafficWindow> during = drainByTarget();
        observation.responded(200, 0);
        observation.ended(0);
        Map<UUID, TrafficWindow> after = drainByTarget();

        assertThat(during).containsOnlyKeys(LOAD_BALANCER, group, BETA.id());
        assertThat(during.values()).extracting(TrafficWindow::inFlight).containsOnly(1L);
        assertThat(after).containsOnlyKeys(LOAD_BALANCER, group, BETA.id());
        assertThat(after.values()).extracting(TrafficWindow::requests, TrafficWindow::inFlight)
                .containsOnly(tuple(1L, 0L));
    }

    @Test
    void countsARequestOnceHoweverOftenItEnds() {
        RequestObservation observation = observe();
        observation.picked(group, ALPHA.id());
        observation.responded(200, 10);

        observation.ended(5);
        observation.ended(5);

        Map<UUID, TrafficWindow> windows = drainByTarget();
        assertThat(windows.values())
                .extracting(TrafficWindow::requests, TrafficWindow::inFlight, TrafficWindow::bytesReceived)
                .containsOnly(tuple(1L, 0L, 5L));
        assertThat(requestCount(group.toString(), "2xx")).isEqualTo(1.0);
    }

    @Test
    void countsAPickOfAGroupOrTargetTheNodeNoLongerServesWhereItCan() {
        RequestObservation unknownGroup = observe();
        unknownGroup.picked(UUID.randomUUID(), ALPHA.id());
        unknownGroup.responded(200, 0);
        unknownGroup.ended(0);
        Map<UUID, TrafficWindow> ofUnknownGroup = drainByTarget();

        RequestObservation unknownTarget = observe();
        unknownTarget.picked(group, UUID.randomUUID());
        unknownTarget.responded(200, 0);
        unknownTarget.ended(0);
        Map<UUID, TrafficWindow> ofUnknownTarget = drainByTarget();

        assertThat(ofUnknownGroup).containsOnlyKeys(LOAD_BALANCER);
        assertThat(requestCount("", "2xx")).isEqualTo(1.0);
        assertThat(ofUnknownTarget).containsOnlyKeys(LOAD_BALANCER, group);
        assertThat(requestCount(group.toString(), "2xx")).isEqualTo(1.0);
    }

    private RequestObservation observe() {
        return new RequestObservation(traffic, nanos::get);
    }

    /** The drained windows by target id, group id (group windows) or load balancer id (its own window). */
    private Map<UUID, TrafficWindow> drainByTarget() {
        return registry.drain().stream().collect(Collectors.toMap(
                window -> window.targetId() != null ? window.targetId()
                        : window.targetGroupId() != null ? window.targetGroupId() : window.loadBalancerId(),
                Function.identity()));
    }

    private double requestCount(String targetGroup, String statusClass) {
        return meters.get(TrafficRegistry.REQUESTS).tag("target_group", targetGroup).tag("status_class", statusClass)
                .counter().count();
    }
}
