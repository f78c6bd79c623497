package dev.signalbox.node.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import dev.signalbox.node.balancing.LeastConnectionsSelector;
import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.node.retry.AttemptFailure;
import dev.signalbox.node.retry.RetryProperties;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.HashKeyType;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetProtocol;
import dev.signalbox.protocol.TargetSnapshot;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

class ForwardAttemptsTests {

    private static final Function<ServerWebExchange, Mono<Void>> REFUSE =
            exchange -> Mono.error(new ConnectException("Connection refused"));
    private static final Function<ServerWebExchange, Mono<Void>> HANG_UP =
            exchange -> Mono.error(PrematureCloseException.TEST_EXCEPTION);
    private static final Function<ServerWebExchange, Mono<Void>> TIME_OUT =
            exchange -> Mono.error(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "too slow",
                    new TimeoutException("Response took longer than timeout: PT1S")));
    private static final Function<ServerWebExchange, Mono<Void>> ANSWER = answer(HttpStatus.OK);

    private final TargetSnapshot a = new TargetSnapshot(UUID.randomUUID(), "10.0.0.1", 8080, 1);
    private final TargetSnapshot b = new TargetSnapshot(UUID.randomUUID(), "10.0.0.2", 8080, 1);
    private final TargetSnapshot c = new TargetSnapshot(UUID.randomUUID(), "10.0.0.3", 8080, 1);
    private final Map<String, Function<ServerWebExchange, Mono<Void>>> behaviours = new HashMap<>();
    /** Each attempt as an observer saw it: the target's host and its status or failure. */
    private final List<String> observed = new ArrayList<>();
    private final AttemptObserver recorder = new AttemptObserver() {

        @Override
        public void answered(TargetGroupSnapshot group, TargetSnapshot target, int status) {
            observed.add(target.host() + " " + status);
        }

        @Override
        public void failed(TargetGroupSnapshot group, TargetSnapshot target, AttemptFailure failure) {
            observed.add(target.host() + " " + failure);
        }
    };
    private RetryProperties retryProperties = new RetryProperties(20, 10, Duration.ofSeconds(10));

    @Test
    void retriesAConnectFailureOnAnotherTargetAndPointsTheExchangeAtIt() {
        behaviours.put("10.0.0.1", REFUSE);
        behaviours.put("10.0.0.2", ANSWER);
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("http://shop.test/cart?page=2"));

        forward(exchange, group(Algorithm.ROUND_ROBIN, 0, a, b));

        assertThat(observed).containsExactly("10.0.0.1 CONNECT_FAILED", "10.0.0.2 200");
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange.<URI>getAttribute(GATEWAY_REQUEST_URL_ATTR)).hasToString("http://10.0.0.2:8080/cart?page=2");
        assertThat(exchange.<PickedTarget>getAttribute(PickedTarget.ATTRIBUTE).target()).isEqualTo(b);
    }

    @Test
    void answers502InPlainTextWhenAConnectionBreaksAndTheGroupAllowsNoRetries() {
        behaviours.put("10.0.0.1", HANG_UP);
        behaviours.put("10.0.0.2", ANSWER);
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("http://shop.test/"));

        forward(exchange, group(Algorithm.ROUND_ROBIN, 0, a, b));

        assertThat(observed).containsExactly("10.0.0.1 CONNECTION_BROKEN");
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.TEXT_PLAIN);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .isEqualTo("The target closed the connection before it answered.\n");
    }

    @Test
    void retriesABrokenGetWhenTheGroupAllowsRetries() {
        behaviours.put("10.0.0.1", HANG_UP);
        behaviours.put("10.0.0.2", ANSWER);
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("http://shop.test/"));

        forward(exchange, group(Algorithm.ROUND_ROBIN, 1, a, b));

        assertThat(observed).containsExactly("10.0.0.1 CONNECTION_BROKEN", "10.0.0.2 200");
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void retriesARequestWithABodyAfterAConnectFailureButNotAfterABrokenConnection() {
        behaviours.put("10.0.0.1", REFUSE);
        behaviours.put("10.0.0.2", ANSWER);
        MockServerWebExchange refused = exchange(
                MockServerHttpRequest.put("http://shop.test/orders/7").contentLength(5).body("pizza"));
        forward(refused, group(Algorithm.ROUND_ROBIN, 0, a, b));

        behaviours.put("10.0.0.1", HANG_UP);
        MockServerWebExchange broken = exchange(
                MockServerHttpRequest.put("http://shop.test/orders/7").contentLength(5).body("pizza"));
        forward(broken, group(Algorithm.ROUND_ROBIN, 5, a, b));

        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(broken.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(observed).containsExactly("10.0.0.1 CONNECT_FAILED", "10.0.0.2 200", "10.0.0.1 CONNECTION_BROKEN");
    }

    @Test
    void answers504WithoutRetryingWhenTheTargetDoesNotAnswerInTime() {
        behaviours.put("10.0.0.1", TIME_OUT);
        behaviours.put("10.0.0.2", ANSWER);
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("http://shop.test/"));

        forward(exchange, group(Algorithm.ROUND_ROBIN, 5, a, b));

        assertThat(observed).containsExactly("10.0.0.1 RESPONSE_TIMEOUT");
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("The target did not answer in time.\n");
    }

    @Test
    void makesOnePlusMaxOfRetriesAndOneAttemptsOnConnectFailuresNeverTheSameTargetTwiceInARow() {
        behaviours.put("10.0.0.1", REFUSE);
        behaviours.put("10.0.0.2", REFUSE);
        behaviours.put("10.0.0.3", REFUSE);

        MockServerWebExchange noRetries = exchange(MockServerHttpRequest.get("http://shop.test/"));
        forward(noRetries, group(Algorithm.ROUND_ROBIN, 0, a, b, c));
        List<String> withoutRetries = List.copyOf(observed);
        observed.clear();
        MockServerWebExchange threeRetries = exchange(MockServerHttpRequest.get("http://shop.test/"));
        forward(threeRetries, group(Algorithm.ROUND_ROBIN, 3, a, b, c));

        assertThat(withoutRetries).containsExactly("10.0.0.1 CONNECT_FAILED", "10.0.0.2 CONNECT_FAILED");
        assertThat(observed).containsExactly("10.0.0.1 CONNECT_FAILED", "10.0.0.2 CONNECT_FAILED",
                "10.0.0.3 CONNECT_FAILED", "10.0.0.1 CONNECT_FAILED");
        assertThat(threeRetries.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(threeRetries.getResponse().getBodyAsString().block())
                .isEqualTo("The target refused the connection or could not be reached.\n");
    }

    @Test
    void retriesTheOnlyTargetOfAGroupAgain() {
        behaviours.put("10.0.0.1", REFUSE);
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("http://shop.test/"));

        forward(exchange, group(Algorithm.ROUND_ROBIN, 0, a));

        assertThat(observed).containsExactly("10.0.0.1 CONNECT_FAILED", "10.0.0.1 CONNECT_FAILED");
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    @Test
    void aRetryOfAHashedRequestGoesToAnotherTargetThanTheKeysOwn() {
        behaviours.put("10.0.0.1", REFUSE);
        behaviours.put("10.0.0.2", REFUSE);
        behaviours.put("10.0.0.3", REFUSE);
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("http://shop.test/").header("X-User", "ada"));

        forward(exchange, group(Algorithm.CONSISTENT_HASH, 2, a, b, c));

        assertThat(observed).hasSize(3);
        assertThat(observed.get(1)).isNotEqualTo(observed.get(0));
        assertThat(observed.get(2)).isNotEqualTo(observed.get(1));
    }

    @Test
    void anEmptyRetryBudgetStopsRetries() {
        retryProperties = new RetryProperties(0, 0, Duration.ofSeconds(10));
        behaviours.put("10.0.0.1", REFUSE);
        behaviours.put("10.0.0.2", ANSWER);
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("http://shop.test/"));

        forward(exchange, group(Algorithm.ROUND_ROBIN, 5, a, b));

        assertThat(observed).containsExactly("10.0.0.1 CONNECT_FAILED");
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    @Test
    void releasesEveryPickOfACountingSelectorAndRetriesOnTheLessBusyTarget() {
        behaviours.put("10.0.0.1", REFUSE);
        behaviours.put("10.0.0.2", ANSWER);
        TargetGroupSnapshot group = group(Algorithm.LEAST_CONNECTIONS, 0, a, b);
        // this generator never draws 0, so ties stay with the first target
        var selector = new LeastConnectionsSelector(group.targets(), new java.util.Random(0) {
            @Override
            public int nextInt(int bound) {
                return 1;
            }
        });
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("http://shop.test/"));

        attempts().forward(exchange, chain(), new RoutingDecision.Forward(UUID.randomUUID(), group, selector, null),
                selector.pick()).block();

        assertThat(observed).containsExactly("10.0.0.1 CONNECT_FAILED", "10.0.0.2 200");
        assertThat(selector.inFlight(a)).isZero();
        assertThat(selector.inFlight(b)).isZero();
    }

    @Test
    void releasesThePickWhenTheClientGoesAwayAndReportsNoOutcome() {
        behaviours.put("10.0.0.1", exchange -> Mono.never());
        TargetGroupSnapshot group = group(Algorithm.LEAST_CONNECTIONS, 0, a);
        var selector = new LeastConnectionsSelector(group.targets(), new java.util.Random(0));
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("http://shop.test/"));

        Disposable request = attempts().forward(exchange, chain(),
                new RoutingDecision.Forward(UUID.randomUUID(), group, selector, null), selector.pick()).subscribe();
        assertThat(selector.inFlight(a)).isOne();
        request.dispose();

        assertThat(selector.inFlight(a)).isZero();
        assertThat(observed).isEmpty();
    }

    @Test
    void putsTheGroupsTimeoutsOnTheExchangesRoute() {
        behaviours.put("10.0.0.1", ANSWER);
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("http://shop.test/"));

        forward(exchange, group(Algorithm.ROUND_ROBIN, 0, a));

        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        assertThat(route.getId()).isEqualTo(RoutingConfiguration.ROUTE_ID);
        assertThat(route.getMetadata()).containsEntry(CONNECT_TIMEOUT_ATTR, 300).containsEntry(RESPONSE_TIMEOUT_ATTR,
                2_000L);
    }

    @Test
    void aFailureAfterTheResponseWasCommittedIsNeitherRetriedNorAnswered() {
        ConnectException error = new ConnectException("refused after an upgrade");
        behaviours.put("10.0.0.1", exchange -> exchange.getResponse().setComplete().then(Mono.error(error)));
        behaviours.put("10.0.0.2", ANSWER);
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("http://shop.test/"));
        TargetGroupSnapshot group = group(Algorithm.ROUND_ROBIN, 5, a, b);

        Mono<Void> forwarded = attempts().forward(exchange, chain(),
                new RoutingDecision.Forward(UUID.randomUUID(), group, TargetSelector.forGroup(group), null), a);

        assertThatThrownBy(forwarded::block).satisfies(thrown -> assertThat(Exceptions.unwrap(thrown)).isSameAs(error));
        assertThat(observed).containsExactly("10.0.0.1 CONNECT_FAILED");
    }

    private void forward(MockServerWebExchange exchange, TargetGroupSnapshot group) {
        TargetSelector selector = TargetSelector.forGroup(group);
        HashKeySnapshot hashKey = group.hashKey();
        var forward = new RoutingDecision.Forward(UUID.randomUUID(), group, selector, hashKey);
        TargetSnapshot first = selector.pick(RequestHashKey.of(exchange.getRequest(), hashKey));
        attempts().forward(exchange, chain(), forward, first).block();
    }

    private ForwardAttempts attempts() {
        return new ForwardAttempts(new GroupPolicies(retryProperties, () -> 0L), new InFlightRequests(), List.of(recorder),
                () -> 0L);
    }

    /** The rest of the gateway's chain: the routing filter, played by each target's behaviour. */
    private GatewayFilterChain chain() {
        return exchange -> {
            // every attempt starts on an exchange the previous one left unrouted
            assertThat(ServerWebExchangeUtils.isAlreadyRouted(exchange)).isFalse();
            ServerWebExchangeUtils.setAlreadyRouted(exchange);
            URI url = exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR);
            return behaviours.get(url.getHost()).apply(exchange);
        };
    }

    private static Function<ServerWebExchange, Mono<Void>> answer(HttpStatus status) {
        return exchange -> {
            exchange.getResponse().setStatusCode(status);
            return Mono.empty();
        };
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request);
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest request) {
        return MockServerWebExchange.from(request);
    }

    private static TargetGroupSnapshot group(Algorithm algorithm, int retries, TargetSnapshot... targets) {
        @Nullable HashKeySnapshot hashKey = algorithm == Algorithm.CONSISTENT_HASH
                ? new HashKeySnapshot(HashKeyType.HEADER, "X-User")
                : null;
        return new TargetGroupSnapshot(UUID.randomUUID(), "app", TargetProtocol.HTTP, algorithm,
                new HealthCheckSnapshot(TargetProtocol.HTTP, "/", null, 30, 5, 3, 3, "200"), List.of(targets), 0,
                hashKey, new TargetGroupAttributesSnapshot(300, 0, StickinessSnapshot.DISABLED, retries, 300, 2));
    }
}
