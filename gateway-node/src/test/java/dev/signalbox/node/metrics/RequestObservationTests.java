package dev.signalbox.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import dev.signalbox.node.TestSnapshots;
import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.routing.AppliedConfig;
import dev.signalbox.node.routing.ConfigChange;
import dev.signalbox.node.routing.PickedTarget;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetSnapshot;
import dev.signalbox.protocol.TrafficWindow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.SignalType;

class RequestObservationTests {

    private static final long MILLI = 1_000_000;
    private static final UUID LOAD_BALANCER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final TargetSnapshot ALPHA = TestSnapshots.target("10.0.0.1", 80);
    private static final TargetSnapshot BETA = TestSnapshots.target("10.0.0.2", 80);

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
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/orders")
                .contentLength(12).body("twelve bytes"));
        RequestObservation observation = observe(exchange);
        pick(exchange, observation, ALPHA);

        nanos.addAndGet(3 * MILLI);
        exchange.getResponse().setStatusCode(HttpStatus.CREATED);
        exchange.getResponse().getHeaders().setContentLength(345);
        exchange.getResponse().setComplete().block();
        nanos.addAndGet(10 * MILLI);
        observation.accept(SignalType.ON_COMPLETE);

        Map<UUID, TrafficWindow> windows = drainByTarget();
        for (TrafficWindow window : List.of(windows.get(LOAD_BALANCER), windows.get(group), windows.get(ALPHA.id()))) {
            assertThat(window.requests()).isEqualTo(1);
            assertThat(window.responses2xx()).isEqualTo(1);
            assertThat(window.bytesReceived()).isEqualTo(12);
            assertThat(window.bytesSent()).isEqualTo(345);
            assertThat(window.inFlight()).isZero();
            // 3 ms to the response: the bucket of at most 5 ms
            assertThat(window.latencyCounts().get(2)).isEqualTo(1);
            assertThat(window.latencyCounts().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
        }
        assertThat(windows).doesNotContainKey(BETA.id());
        assertThat(requestCount(group.toString(), "2xx")).isEqualTo(1.0);
        assertThat(meters.get(TrafficRegistry.LATENCY).timer().count()).isEqualTo(1);
    }

    @Test
    void keepsARequestInFlightUntilItEnds() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        RequestObservation observation = observe(exchange);
        pick(exchange, observation, ALPHA);

        Map<UUID, TrafficWindow> during = drainByTarget();
        exchange.getResponse().setComplete().block();
        observation.accept(SignalType.ON_COMPLETE);
        Map<UUID, TrafficWindow> after = drainByTarget();

        assertThat(during.values()).extracting(TrafficWindow::requests, TrafficWindow::inFlight)
                .containsOnly(tuple(0L, 1L));
        assertThat(during).containsOnlyKeys(LOAD_BALANCER, group, ALPHA.id());
        assertThat(after.values()).extracting(TrafficWindow::requests, TrafficWindow::inFlight)
                .containsOnly(tuple(1L, 0L));
    }

    @Test
    void countsAFailedRequestWithTheStatusOfTheErrorResponseWrittenAfterItEnded() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        RequestObservation observation = observe(exchange);
        pick(exchange, observation, ALPHA);

        observation.accept(SignalType.ON_ERROR);
        assertThat(registry.drain()).as("nothing counted before the error response").isEmpty();
        exchange.getResponse().setStatusCode(HttpStatus.BAD_GATEWAY);
        exchange.getResponse().setComplete().block();

        Map<UUID, TrafficWindow> windows = drainByTarget();
        assertThat(windows).containsOnlyKeys(LOAD_BALANCER, group, ALPHA.id());
        assertThat(windows.values()).extracting(TrafficWindow::requests, TrafficWindow::responses5xx)
                .containsOnly(tuple(1L, 1L));
        assertThat(requestCount(group.toString(), "5xx")).isEqualTo(1.0);
    }

    @Test
    void countsARequestTheClientAbandonedWithoutStatusOrLatency() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        RequestObservation observation = observe(exchange);
        pick(exchange, observation, ALPHA);

        observation.accept(SignalType.CANCEL);
        exchange.getResponse().setComplete().block();

        TrafficWindow window = drainByTarget().get(ALPHA.id());
        assertThat(window.requests()).isEqualTo(1);
        assertThat(window.responses2xx()).isZero();
        assertThat(window.latencyCounts()).containsOnly(0L);
        assertThat(requestCount(group.toString(), "none")).isEqualTo(1.0);
        assertThat(meters.get(TrafficRegistry.LATENCY).timer().count()).isZero();
    }

    @Test
    void countsAnAnswerOfTheNodeItselfForTheLoadBalancerOnly() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.head("/missing"));
        RequestObservation observation = observe(exchange);

        exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
        exchange.getResponse().getHeaders().setContentLength(20);
        exchange.getResponse().setComplete().block();
        observation.accept(SignalType.ON_COMPLETE);

        Map<UUID, TrafficWindow> windows = drainByTarget();
        assertThat(windows).containsOnlyKeys(LOAD_BALANCER);
        assertThat(windows.get(LOAD_BALANCER).responses4xx()).isEqualTo(1);
        assertThat(windows.get(LOAD_BALANCER).bytesSent()).as("a HEAD response has no body").isZero();
        assertThat(requestCount("", "4xx")).isEqualTo(1.0);
    }

    @Test
    void movesTheRequestToTheTargetARetryPicked() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        RequestObservation observation = observe(exchange);
        pick(exchange, observation, ALPHA);
        pick(exchange, observation, BETA);

        Map<UUID, TrafficWindow> during = drainByTarget();
        exchange.getResponse().setComplete().block();
        observation.accept(SignalType.ON_COMPLETE);
        Map<UUID, TrafficWindow> after = drainByTarget();

        assertThat(during).containsOnlyKeys(LOAD_BALANCER, group, BETA.id());
        assertThat(during.get(group).inFlight()).isEqualTo(1);
        assertThat(after).containsOnlyKeys(LOAD_BALANCER, group, BETA.id());
    }

    @Test
    void countsTheTargetTheRequestWentToEvenIfItsPickWasNotObserved() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        RequestObservation observation = observe(exchange);
        pick(exchange, observation, ALPHA);
        exchange.getAttributes().put(PickedTarget.ATTRIBUTE, new PickedTarget(LOAD_BALANCER, group, BETA));

        exchange.getResponse().setComplete().block();
        observation.accept(SignalType.ON_COMPLETE);

        Map<UUID, TrafficWindow> windows = drainByTarget();
        assertThat(windows).containsOnlyKeys(LOAD_BALANCER, group, BETA.id());
        assertThat(windows.get(BETA.id()).inFlight()).isZero();
    }

    private RequestObservation observe(MockServerWebExchange exchange) {
        var observation = new RequestObservation(exchange, traffic, nanos::get);
        exchange.getResponse().beforeCommit(observation);
        return observation;
    }

    private void pick(MockServerWebExchange exchange, RequestObservation observation, TargetSnapshot target) {
        PickedTarget picked = new PickedTarget(LOAD_BALANCER, group, target);
        exchange.getAttributes().put(PickedTarget.ATTRIBUTE, picked);
        observation.picked(picked);
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
