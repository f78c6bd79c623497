package dev.signalbox.node.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import dev.signalbox.node.balancing.RoundRobinSelector;
import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetProtocol;
import dev.signalbox.protocol.TargetSnapshot;

class StickySessionsTests {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final int DURATION = 60;
    private static final byte[] SECRET = "fleet-secret".getBytes(StandardCharsets.UTF_8);

    private final UUID loadBalancerId = UUID.randomUUID();
    private final TargetSnapshot a = new TargetSnapshot(UUID.randomUUID(), "10.0.0.1", 80, 1);
    private final TargetSnapshot b = new TargetSnapshot(UUID.randomUUID(), "10.0.0.2", 80, 1);
    private final TargetGroupSnapshot group = group(true, a, b);
    private final StickinessTokens tokens = new StickinessTokens(SECRET);
    private final StickySessions sessions = new StickySessions(new StickinessTokens(SECRET),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aClientWithoutACookieIsAssignedByTheAlgorithmAndGetsACookieNamingItsTarget() {
        var forward = forward(group);
        var exchange = exchange(null);

        assertThat(sessions.pickTarget(exchange, forward)).isSameAs(a);

        ResponseCookie cookie = exchange.getResponse().getCookies().getFirst(StickySessions.TARGET_COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getMaxAge().getSeconds()).isEqualTo(DURATION);
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(tokens.verify(group.id(), cookie.getValue(), NOW.getEpochSecond())).isEqualTo(a.id());
    }

    @Test
    void aClientWithACookieStaysOnItsTargetWithoutANewCookieAndTheAlgorithmKeepsItsTurn() {
        var forward = forward(group);
        String pinnedToB = tokens.issue(group.id(), b.id(), NOW.getEpochSecond() + DURATION);

        for (int i = 0; i < 3; i++) {
            var exchange = exchange(pinnedToB);
            assertThat(sessions.pickTarget(exchange, forward)).isSameAs(b);
            assertThat(exchange.getResponse().getCookies()).isEmpty();
        }
        assertThat(sessions.pickTarget(exchange(null), forward)).as("round robin's first turn").isSameAs(a);
    }

    @Test
    void aClientWhoseTargetNoLongerTakesRequestsIsAssignedAgainWithANewCookie() {
        // the selector of a group without b: b was deregistered, or is unhealthy and filtered out
        var forward = forward(group, new RoundRobinSelector(List.of(a)));
        var exchange = exchange(tokens.issue(group.id(), b.id(), NOW.getEpochSecond() + DURATION));

        assertThat(sessions.pickTarget(exchange, forward)).isSameAs(a);

        ResponseCookie cookie = exchange.getResponse().getCookies().getFirst(StickySessions.TARGET_COOKIE);
        assertThat(tokens.verify(group.id(), cookie.getValue(), NOW.getEpochSecond())).isEqualTo(a.id());
    }

    @Test
    void aCookieThatIsOverOfAnotherGroupOrForgedIsIgnored() {
        var forward = forward(group);
        List<String> invalid = List.of(
                tokens.issue(group.id(), b.id(), NOW.getEpochSecond()),
                tokens.issue(UUID.randomUUID(), b.id(), NOW.getEpochSecond() + DURATION),
                new StickinessTokens("guessed".getBytes(StandardCharsets.UTF_8))
                        .issue(group.id(), b.id(), NOW.getEpochSecond() + DURATION),
                b.id().toString());

        for (String value : invalid) {
            var exchange = exchange(value);
            assertThat(sessions.pickTarget(exchange, forward)).as(value).isSameAs(a);
            assertThat(exchange.getResponse().getCookies()).containsKey(StickySessions.TARGET_COOKIE);
            sessions.pickTarget(exchange(null), forward); // back to a's turn
        }
    }

    @Test
    void aGroupWithoutStickinessIgnoresCookiesAndSetsNone() {
        var forward = forward(group(false, a, b));
        var exchange = exchange(tokens.issue(group.id(), b.id(), NOW.getEpochSecond() + DURATION));

        assertThat(sessions.pickTarget(exchange, forward)).isSameAs(a);
        assertThat(exchange.getResponse().getCookies()).isEmpty();
    }

    @Test
    void aClientWithoutAGroupCookieIsDrawnIntoAGroupAndGetsACookieNamingIt() {
        TargetGroupSnapshot canary = group(false, b);
        var split = new WeightedForward(List.of(forward(group), forward(canary)), List.of(9, 1), 30, new Draws(9));
        var exchange = exchange(null);
        var decision = (RoutingDecision.StickyGroups) split.decide();

        RoutingDecision.Forward chosen = sessions.chooseGroup(exchange, decision);

        assertThat(chosen.group()).isSameAs(canary);
        assertThat((Object) exchange.getAttribute(RoutingDecision.ATTRIBUTE)).isSameAs(chosen);
        ResponseCookie cookie = exchange.getResponse().getCookies().getFirst(StickySessions.GROUP_COOKIE);
        assertThat(cookie.getMaxAge().getSeconds()).isEqualTo(30);
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(tokens.verify(loadBalancerId, cookie.getValue(), NOW.getEpochSecond())).isEqualTo(canary.id());
    }

    @Test
    void aClientWithAGroupCookieStaysOnItsGroupWithoutDrawing() {
        TargetGroupSnapshot canary = group(false, b);
        var split = new WeightedForward(List.of(forward(group), forward(canary)), List.of(9, 1), 30, new Draws());
        var decision = (RoutingDecision.StickyGroups) split.decide();
        String onCanary = tokens.issue(loadBalancerId, canary.id(), NOW.getEpochSecond() + 30);

        for (int i = 0; i < 3; i++) {
            var exchange = exchange(null, onCanary);
            assertThat(sessions.chooseGroup(exchange, decision).group()).isSameAs(canary);
            assertThat(exchange.getResponse().getCookies()).isEmpty();
        }
    }

    @Test
    void aClientWhoseGroupLeftTheSplitIsDrawnAgain() {
        TargetGroupSnapshot canary = group(false, b);
        var split = new WeightedForward(List.of(forward(group), forward(canary)), List.of(9, 1), 30, new Draws(0));
        var exchange = exchange(null, tokens.issue(loadBalancerId, UUID.randomUUID(), NOW.getEpochSecond() + 30));

        RoutingDecision.Forward chosen = sessions.chooseGroup(exchange, (RoutingDecision.StickyGroups) split.decide());

        assertThat(chosen.group()).isSameAs(group);
        assertThat(exchange.getResponse().getCookies()).containsKey(StickySessions.GROUP_COOKIE);
    }

    @Test
    void aGroupMissingFromTheSnapshotGetsNoCookie() {
        var split = new WeightedForward(List.of(forward(group), RoutingDecision.Forward.nowhere(loadBalancerId)),
                List.of(1, 1), 30, new Draws(1));
        var exchange = exchange(null);

        RoutingDecision.Forward chosen = sessions.chooseGroup(exchange, (RoutingDecision.StickyGroups) split.decide());

        assertThat(chosen.group()).isNull();
        assertThat(exchange.getResponse().getCookies()).isEmpty();
    }

    @Test
    void aSplitWithoutGroupStickinessDrawsPerRequest() {
        var split = new WeightedForward(List.of(forward(group), forward(group(false, b))), List.of(1, 1), null,
                new Draws(0));

        assertThat(split.decide()).isInstanceOf(RoutingDecision.Forward.class);
    }

    private RoutingDecision.Forward forward(TargetGroupSnapshot target) {
        return forward(target, new RoundRobinSelector(target.targets()));
    }

    private RoutingDecision.Forward forward(TargetGroupSnapshot target, TargetSelector selector) {
        return new RoutingDecision.Forward(loadBalancerId, target, selector, null);
    }

    private static TargetGroupSnapshot group(boolean sticky, TargetSnapshot... targets) {
        var attributes = new TargetGroupAttributesSnapshot(300, 0,
                new StickinessSnapshot(sticky, "lb_cookie", DURATION), 0, 5_000, 60);
        return new TargetGroupSnapshot(UUID.randomUUID(), "app", TargetProtocol.HTTP, Algorithm.ROUND_ROBIN,
                new HealthCheckSnapshot(TargetProtocol.HTTP, "/", null, 30, 5, 3, 3, "200"), List.of(targets), 80, null,
                attributes);
    }

    private static MockServerWebExchange exchange(@Nullable String targetCookie) {
        return exchange(targetCookie, null);
    }

    private static MockServerWebExchange exchange(@Nullable String targetCookie, @Nullable String groupCookie) {
        var request = MockServerHttpRequest.get("/");
        if (targetCookie != null) {
            request.cookie(new HttpCookie(StickySessions.TARGET_COOKIE, targetCookie));
        }
        if (groupCookie != null) {
            request.cookie(new HttpCookie(StickySessions.GROUP_COOKIE, groupCookie));
        }
        return MockServerWebExchange.from(request);
    }

    /** Bounded draws given in advance; a draw beyond them fails the test. */
    private static final class Draws implements RandomGenerator {

        private final Deque<Integer> values = new ArrayDeque<>();

        Draws(int... values) {
            for (int value : values) {
                this.values.add(value);
            }
        }

        @Override
        public int nextInt(int bound) {
            return values.remove();
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }
    }
}
