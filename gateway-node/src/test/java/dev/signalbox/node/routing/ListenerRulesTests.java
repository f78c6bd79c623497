package dev.signalbox.node.routing;

import static dev.signalbox.node.routing.TestRequests.get;
import static dev.signalbox.node.routing.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.ConditionSnapshot;
import dev.signalbox.protocol.FixedResponseSnapshot;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.QueryStringPair;
import dev.signalbox.protocol.RuleSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetProtocol;
import dev.signalbox.protocol.TargetSnapshot;
import io.netty.handler.codec.http.HttpMethod;

/** Rules compiled from a snapshot and evaluated through the routing index, as a request would be. */
class ListenerRulesTests {

    private static final int PORT = 8000;
    private static final String HOST = "shop.test";
    private static final UUID GROUP_A = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final UUID GROUP_B = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
    private static final ActionSnapshot TO_B = ActionSnapshot.forward(GROUP_B);

    @Test
    void takesTheDefaultActionWhenNoRuleMatches() {
        RoutingIndex index = index(rule(1, TO_B, condition("path-pattern", "/api/*")));

        assertThat(targetOf(index, get("/shop/api/x"))).isEqualTo("a");
        assertThat(targetOf(index, get("/api/orders"))).isEqualTo("b");
    }

    @Test
    void theLowestPriorityMatchingRuleWinsWhateverTheOrderOfTheSnapshot() {
        var fixed = ActionSnapshot.fixedResponse(new FixedResponseSnapshot(418, "text/plain", "teapot"));
        RoutingIndex index = index(
                rule(20, fixed, condition("path-pattern", "/api/*")),
                rule(10, TO_B, condition("path-pattern", "/api/orders*")));

        assertThat(targetOf(index, get("/api/orders/1"))).isEqualTo("b");
        assertThat(decide(index, get("/api/users")))
                .isInstanceOfSatisfying(RoutingDecision.FixedResponse.class,
                        response -> assertThat(response.statusCode()).isEqualTo(418));
    }

    @Test
    void aRuleNeedsAllItsConditionsAndAConditionAnyOfItsValues() {
        RoutingIndex index = index(rule(1, TO_B,
                condition("path-pattern", "/admin/*", "/ops/*"),
                condition("http-request-method", "POST", "PUT")));

        assertThat(targetOf(index, request(HttpMethod.POST, "/ops/restart"))).isEqualTo("b");
        assertThat(targetOf(index, request(HttpMethod.PUT, "/admin/x"))).isEqualTo("b");
        assertThat(targetOf(index, get("/admin/x"))).isEqualTo("a");
        assertThat(targetOf(index, request(HttpMethod.POST, "/shop"))).isEqualTo("a");
    }

    @Test
    void matchesHostHeadersWithWildcardsRegardlessOfCase() {
        RoutingIndex index = index(rule(1, TO_B, condition("host-header", "SHOP.*")));

        assertThat(targetOf(index, get("/"), "Shop.Test")).isEqualTo("b");
    }

    @Test
    void matchesHeaderNamesRegardlessOfCaseAndValuesWithWildcards() {
        RoutingIndex index = index(rule(1, TO_B, new ConditionSnapshot("http-header", "x-Canary", List.of("yes*"))));

        assertThat(targetOf(index, get("/", "X-CANARY", "Yes-please")))
                .isEqualTo("b");
        assertThat(targetOf(index, get("/", "X-Canary", "no"))).isEqualTo("a");
        assertThat(targetOf(index, get("/"))).isEqualTo("a");
    }

    @Test
    void matchesAnyQueryPair() {
        RoutingIndex index = index(rule(1, TO_B, new ConditionSnapshot("query-string", null, List.of(),
                List.of(new QueryStringPair("version", "v2*"), new QueryStringPair(null, "beta")))));

        assertThat(targetOf(index, get("/?page=1&version=v2.1"))).isEqualTo("b");
        assertThat(targetOf(index, get("/?channel=beta"))).isEqualTo("b");
        assertThat(targetOf(index, get("/?version=v1"))).isEqualTo("a");
        assertThat(targetOf(index, get("/"))).isEqualTo("a");
    }

    @Test
    void matchesAQueryKeySentWithoutValueAndRoutesAQueryThatIsNotValidPercentEncoding() {
        RoutingIndex index = index(rule(1, TO_B, new ConditionSnapshot("query-string", null, List.of(),
                List.of(new QueryStringPair("beta", "*"), new QueryStringPair("discount", "100%")))));

        assertThat(targetOf(index, get("/?beta"))).isEqualTo("b");
        assertThat(targetOf(index, get("/?beta="))).isEqualTo("b");
        assertThat(targetOf(index, get("/?discount=100%"))).isEqualTo("b");
        assertThat(targetOf(index, get("/?discount=%ZZ"))).isEqualTo("a");
    }

    @Test
    void matchesPathsAsSentCaseSensitively() {
        RoutingIndex index = index(rule(1, TO_B, condition("path-pattern", "/My%20Files/*")));

        assertThat(targetOf(index, get("/My%20Files/a.txt?x=1"))).isEqualTo("b");
        assertThat(targetOf(index, get("http://shop.test/My%20Files/a.txt"))).isEqualTo("b");
        assertThat(targetOf(index, get("/my%20files/a.txt"))).isEqualTo("a");
        assertThat(targetOf(index, get("/My%2520Files/a.txt"))).as("decoded once, it would match").isEqualTo("a");
    }

    @Test
    void matchesTheClientAddressAgainstCidrBlocks() {
        RoutingIndex index = index(rule(1, TO_B, condition("source-ip", "10.0.0.0/8", "2001:db8::/32")));

        assertThat(targetOf(index, from("10.20.30.40"))).isEqualTo("b");
        assertThat(targetOf(index, from("2001:db8::7"))).isEqualTo("b");
        assertThat(targetOf(index, from("192.168.0.1"))).isEqualTo("a");
    }

    @Test
    void aConditionOnAnUnknownFieldNeverMatches() {
        RoutingIndex index = index(rule(1, TO_B, condition("moon-phase", "full")));

        assertThat(targetOf(index, get("/"))).isEqualTo("a");
    }

    private static ListenerRequest from(String address) {
        return TestRequests.from(new InetSocketAddress(address, 40000));
    }

    private static ConditionSnapshot condition(String field, String... values) {
        return new ConditionSnapshot(field, null, List.of(values));
    }

    private static RuleSnapshot rule(int priority, ActionSnapshot action, ConditionSnapshot... conditions) {
        return new RuleSnapshot(UUID.randomUUID(), priority, List.of(conditions), action);
    }

    private static RoutingIndex index(RuleSnapshot... rules) {
        var healthCheck = new HealthCheckSnapshot(TargetProtocol.HTTP, "/", null, 30, 5, 3, 3, "200");
        var groupA = new TargetGroupSnapshot(GROUP_A, "a", TargetProtocol.HTTP, Algorithm.ROUND_ROBIN, healthCheck,
                List.of(new TargetSnapshot(UUID.randomUUID(), "a", 80, 1)));
        var groupB = new TargetGroupSnapshot(GROUP_B, "b", TargetProtocol.HTTP, Algorithm.ROUND_ROBIN, healthCheck,
                List.of(new TargetSnapshot(UUID.randomUUID(), "b", 80, 1)));
        var listener = new ListenerSnapshot(UUID.randomUUID(), ListenerProtocol.HTTP, PORT,
                ActionSnapshot.forward(GROUP_A), List.of(rules));
        var snapshot = new LoadBalancerSnapshot(LoadBalancerSnapshot.SCHEMA_VERSION, UUID.randomUUID(),
                UUID.randomUUID(), "shop", 1, List.of(HOST), List.of(listener), List.of(groupA, groupB),
                Instant.parse("2026-11-27T10:00:00Z"));
        return AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(snapshot)), Instant.now()).routingIndex();
    }

    private static RoutingDecision decide(RoutingIndex index, ListenerRequest request) {
        return index.resolve(PORT, HOST, request);
    }

    private static String targetOf(RoutingIndex index, ListenerRequest request) {
        return targetOf(index, request, HOST);
    }

    private static String targetOf(RoutingIndex index, ListenerRequest request, String host) {
        RoutingDecision decision = index.resolve(PORT, host, request);
        assertThat(decision).isInstanceOf(RoutingDecision.Forward.class);
        return ((RoutingDecision.Forward) decision).targets().pick(null).host();
    }
}
