package dev.signalbox.node.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.signalbox.node.balancing.RoundRobinSelector;
import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetProtocol;
import dev.signalbox.protocol.TargetSnapshot;
import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.Cookie;

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

    private final List<String> setCookies = new ArrayList<>();

    @Test
    void aClientWithoutACookieIsAssignedByTheAlgorithmAndGetsACookieNamingItsTarget() {
        var forward = forward(group);

        assertThat(sessions.pickTarget(request(null), forward, setCookies)).isSameAs(a);

        Cookie cookie = onlySetCookie();
        assertThat(cookie.name()).isEqualTo(StickySessions.TARGET_COOKIE);
        assertThat(cookie.maxAge()).isEqualTo(DURATION);
        assertThat(cookie.path()).isEqualTo("/");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(tokens.verify(group.id(), cookie.value(), NOW.getEpochSecond())).isEqualTo(a.id());
    }

    @Test
    void aClientWithACookieStaysOnItsTargetWithoutANewCookieAndTheAlgorithmKeepsItsTurn() {
        var forward = forward(group);
        String pinnedToB = tokens.issue(group.id(), b.id(), NOW.getEpochSecond() + DURATION);

        for (int i = 0; i < 3; i++) {
            assertThat(sessions.pickTarget(request(pinnedToB), forward, setCookies)).isSameAs(b);
        }
        assertThat(setCookies).isEmpty();
        assertThat(sessions.pickTarget(request(null), forward, new ArrayList<>())).as("round robin's first turn")
                .isSameAs(a);
    }

    @Test
    void aClientWhoseTargetNoLongerTakesRequestsIsAssignedAgainWithANewCookie() {
        // the selector of a group without b: b was deregistered, or is unhealthy and filtered out
        var forward = forward(group, new RoundRobinSelector(List.of(a)));
        var request = request(tokens.issue(group.id(), b.id(), NOW.getEpochSecond() + DURATION));

        assertThat(sessions.pickTarget(request, forward, setCookies)).isSameAs(a);

        Cookie cookie = onlySetCookie();
        assertThat(cookie.name()).isEqualTo(StickySessions.TARGET_COOKIE);
        assertThat(tokens.verify(group.id(), cookie.value(), NOW.getEpochSecond())).isEqualTo(a.id());
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
            setCookies.clear();
            assertThat(sessions.pickTarget(request(value), forward, setCookies)).as(value).isSameAs(a);
            assertThat(onlySetCookie().name()).as(value).isEqualTo(StickySessions.TARGET_COOKIE);
            sessions.pickTarget(request(null), forward, new ArrayList<>()); // back to a's turn
        }
    }

    @Test
    void aGroupWithoutStickinessIgnoresCookiesAndSetsNone() {
        var forward = forward(group(false, a, b));
        var request = request(tokens.issue(group.id(), b.id(), NOW.getEpochSecond() + DURATION));

        assertThat(sessions.pickTarget(request, forward, setCookies)).isSameAs(a);
        assertThat(setCookies).isEmpty();
    }

    @Test
    void aGroupWithoutTargetsSetsNoCookie() {
        var forward = forward(group, TargetSelector.none());

        assertThat(sessions.pickTarget(request(null), forward, setCookies)).isNull();
        assertThat(setCookies).isEmpty();
    }

    @Test
    void aClientWithoutAGroupCookieIsDrawnIntoAGroupAndGetsACookieNamingIt() {
        TargetGroupSnapshot canary = group(false, b);
        var split = new WeightedForward(List.of(forward(group), forward(canary)), List.of(9, 1), 30, new Draws(9));
        var decision = (RoutingDecision.StickyGroups) split.decide();

        RoutingDecision.Forward chosen = sessions.chooseGroup(request(null), decision, setCookies);

        assertThat(chosen.group()).isSameAs(canary);
        Cookie cookie = onlySetCookie();
        assertThat(cookie.name()).isEqualTo(StickySessions.GROUP_COOKIE);
        assertThat(cookie.maxAge()).isEqualTo(30);
        assertThat(cookie.path()).isEqualTo("/");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(tokens.verify(loadBalancerId, cookie.value(), NOW.getEpochSecond())).isEqualTo(canary.id());
    }

    @Test
    void aClientDrawnIntoAStickyGroupGetsBothCookiesInOrder() {
        TargetGroupSnapshot canary = group(true, b);
        var split = new WeightedForward(List.of(forward(group), forward(canary)), List.of(9, 1), 30, new Draws(9));
        var request = request(null);

        RoutingDecision.Forward chosen = sessions.chooseGroup(request, (RoutingDecision.StickyGroups) split.decide(),
                setCookies);
        assertThat(sessions.pickTarget(request, chosen, setCookies)).isSameAs(b);

        assertThat(setCookies).hasSize(2);
        Cookie groupCookie = ClientCookieDecoder.STRICT.decode(setCookies.get(0));
        Cookie targetCookie = ClientCookieDecoder.STRICT.decode(setCookies.get(1));
        assertThat(groupCookie.name()).isEqualTo(StickySessions.GROUP_COOKIE);
        assertThat(tokens.verify(loadBalancerId, groupCookie.value(), NOW.getEpochSecond())).isEqualTo(canary.id());
        assertThat(targetCookie.name()).isEqualTo(StickySessions.TARGET_COOKIE);
        assertThat(tokens.verify(canary.id(), targetCookie.value(), NOW.getEpochSecond())).isEqualTo(b.id());
    }

    @Test
    void aClientWithAGroupCookieStaysOnItsGroupWithoutDrawing() {
        TargetGroupSnapshot canary = group(false, b);
        var split = new WeightedForward(List.of(forward(group), forward(canary)), List.of(9, 1), 30, new Draws());
        var decision = (RoutingDecision.StickyGroups) split.decide();
        String onCanary = tokens.issue(loadBalancerId, canary.id(), NOW.getEpochSecond() + 30);

        for (int i = 0; i < 3; i++) {
            assertThat(sessions.chooseGroup(request(null, onCanary), decision, setCookies).group()).isSameAs(canary);
        }
        assertThat(setCookies).isEmpty();
    }

    @Test
    void aClientWhoseGroupLeftTheSplitIsDrawnAgain() {
        TargetGroupSnapshot canary = group(false, b);
        var split = new WeightedForward(List.of(forward(group), forward(canary)), List.of(9, 1), 30, new Draws(0));
        var request = request(null, tokens.issue(loadBalancerId, UUID.randomUUID(), NOW.getEpochSecond() + 30));

        RoutingDecision.Forward chosen = sessions.chooseGroup(request, (RoutingDecision.StickyGroups) split.decide(),
                setCookies);

        assertThat(chosen.group()).isSameAs(group);
        Cookie cookie = onlySetCookie();
        assertThat(cookie.name()).isEqualTo(StickySessions.GROUP_COOKIE);
        assertThat(tokens.verify(loadBalancerId, cookie.value(), NOW.getEpochSecond())).isEqualTo(group.id());
    }

    @Test
    void aGroupMissingFromTheSnapshotGetsNoCookie() {
        var split = new WeightedForward(List.of(forward(group), RoutingDecision.Forward.nowhere(loadBalancerId)),
                List.of(1, 1), 30, new Draws(1));

        RoutingDecision.Forward chosen = sessions.chooseGroup(request(null),
                (RoutingDecision.StickyGroups) split.decide(), setCookies);

        assertThat(chosen.group()).isNull();
        assertThat(setCookies).isEmpty();
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

    /** The one Set-Cookie value the sessions added, decoded as a client would read it. */
    private Cookie onlySetCookie() {
        assertThat(setCookies).hasSize(1);
        Cookie cookie = ClientCookieDecoder.STRICT.decode(setCookies.get(0));
        assertThat(cookie).as(setCookies.get(0)).isNotNull();
        return cookie;
    }

    private static ListenerRequest request(@Nullable String targetCookie) {
        return request(targetCookie, null);
    }

    /** A request with the given stickiness cookies, beside one of the application's own. */
    private static ListenerRequest request(@Nullable String targetCookie, @Nullable String groupCookie) {
        StringBuilder cookies = new StringBuilder("app-session=xyz");
        if (targetCookie != null) {
            cookies.append("; ").append(StickySessions.TARGET_COOKIE).append('=').append(targetCookie);
        }
        if (groupCookie != null) {
            cookies.append("; ").append(StickySessions.GROUP_COOKIE).append('=').append(groupCookie);
        }
        return TestRequests.get("/", "Cookie", cookies.toString());
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
