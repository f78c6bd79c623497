package dev.signalbox.node.routing;

import static dev.signalbox.node.TestSnapshots.loadBalancer;
import static dev.signalbox.node.TestSnapshots.target;
import static dev.signalbox.node.TestSnapshots.withListeners;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ActionType;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.AppliedRevision;
import dev.signalbox.protocol.ConditionSnapshot;
import dev.signalbox.protocol.FixedResponseSnapshot;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.HashKeyType;
import dev.signalbox.protocol.RedirectSnapshot;
import dev.signalbox.protocol.RuleSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.WeightedTargetGroup;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;

class AppliedConfigTests {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final UUID SHOP = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final ListenerRequest ANY_REQUEST = TestRequests.get("/");
    private static final UUID BLOG = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void routesEachHostNameOfALoadBalancerOnItsListenerPort() {
        AppliedConfig config = AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(
                loadBalancer(SHOP, 1, List.of("shop.acme.lb.localhost", "www.shop.test"), 8000,
                        List.of(target("10.0.0.1", 80))))), NOW);

        assertThat(loadBalancerAt(config, 8000, "shop.acme.lb.localhost")).isEqualTo(SHOP);
        assertThat(loadBalancerAt(config, 8000, "www.shop.test")).isEqualTo(SHOP);
        assertThat(config.routingIndex().httpPorts()).containsExactly(8000);
    }

    @Test
    void matchesHostsRegardlessOfCaseAndTrailingDot() {
        AppliedConfig config = AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(
                loadBalancer(SHOP, 1, List.of("Shop.Acme.test"), 8000, List.of(target("10.0.0.1", 80))))), NOW);

        assertThat(loadBalancerAt(config, 8000, "SHOP.acme.TEST")).isEqualTo(SHOP);
        assertThat(loadBalancerAt(config, 8000, "shop.acme.test.")).isEqualTo(SHOP);
    }

    @Test
    void dispatchesLoadBalancersSharingAPortByHost() {
        AppliedConfig config = AppliedConfig.EMPTY.apply(List.of(
                ConfigChange.update(loadBalancer(SHOP, 1, List.of("shop.test"), 8000, List.of(target("s", 80)))),
                ConfigChange.update(loadBalancer(BLOG, 1, List.of("blog.test"), 8000, List.of(target("b", 80))))),
                NOW);

        assertThat(loadBalancerAt(config, 8000, "shop.test")).isEqualTo(SHOP);
        assertThat(loadBalancerAt(config, 8000, "blog.test")).isEqualTo(BLOG);
        assertThat(pickedHost(config, 8000, "blog.test")).isEqualTo("b");
    }

    @Test
    void tellsAnUnknownHostOnAListenerPortFromAPortNoListenerUses() {
        AppliedConfig config = AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(
                loadBalancer(SHOP, 1, List.of("shop.test"), 8000, List.of(target("s", 80))))), NOW);

        assertThat(config.routingIndex().resolve(8000, "other.test", ANY_REQUEST)).isEqualTo(RoutingDecision.NoLoadBalancer.INSTANCE);
        assertThat(config.routingIndex().resolve(8000, null, ANY_REQUEST)).isEqualTo(RoutingDecision.NoLoadBalancer.INSTANCE);
        assertThat(config.routingIndex().resolve(9000, "shop.test", ANY_REQUEST)).isNull();
    }

    @Test
    void ignoresARevisionThatIsNotNewerThanTheAppliedOne() {
        AppliedConfig applied = AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(
                loadBalancer(SHOP, 5, List.of("shop.test"), 8000, List.of(target("new", 80))))), NOW);

        AppliedConfig afterOlder = applied.apply(List.of(ConfigChange.update(
                loadBalancer(SHOP, 4, List.of("shop.test"), 8001, List.of(target("old", 80))))), NOW.plusSeconds(1));
        AppliedConfig afterSame = applied.apply(List.of(ConfigChange.update(
                loadBalancer(SHOP, 5, List.of("shop.test"), 8002, List.of(target("same", 80))))), NOW.plusSeconds(1));

        assertThat(afterOlder).isSameAs(applied);
        assertThat(afterSame).isSameAs(applied);
        assertThat(applied.appliedRevisions()).containsEntry(SHOP, new AppliedRevision(5, NOW));
        assertThat(pickedHost(applied, 8000, "shop.test")).isEqualTo("new");
    }

    @Test
    void replacesTheWholeLoadBalancerWithANewerRevision() {
        AppliedConfig first = AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(
                loadBalancer(SHOP, 1, List.of("shop.test"), 8000, List.of(target("a", 80), target("b", 80))))), NOW);

        AppliedConfig second = first.apply(List.of(ConfigChange.update(
                loadBalancer(SHOP, 2, List.of("shop.example"), 8001, List.of(target("c", 80))))), NOW.plusSeconds(5));

        assertThat(second.routingIndex().resolve(8000, "shop.test", ANY_REQUEST)).isNull();
        assertThat(pickedHost(second, 8001, "shop.example")).isEqualTo("c");
        assertThat(second.appliedRevisions()).containsExactlyEntriesOf(
                Map.of(SHOP, new AppliedRevision(2, NOW.plusSeconds(5))));
        // the old index is untouched: requests that started under it finish under it
        assertThat(loadBalancerAt(first, 8000, "shop.test")).isEqualTo(SHOP);
    }

    @Test
    void aTombstoneRemovesTheLoadBalancerAndFreesItsPort() {
        AppliedConfig applied = AppliedConfig.EMPTY.apply(List.of(
                ConfigChange.update(loadBalancer(SHOP, 3, List.of("shop.test"), 8000, List.of(target("s", 80)))),
                ConfigChange.update(loadBalancer(BLOG, 1, List.of("blog.test"), 8001, List.of(target("b", 80))))),
                NOW);

        AppliedConfig afterDeletion = applied.apply(List.of(ConfigChange.deletion(SHOP)), NOW.plusSeconds(1));

        assertThat(afterDeletion.routingIndex().resolve(8000, "shop.test", ANY_REQUEST)).isNull();
        assertThat(afterDeletion.routingIndex().httpPorts()).containsExactly(8001);
        assertThat(afterDeletion.appliedRevisions()).containsOnlyKeys(BLOG);
        assertThat(afterDeletion.loadBalancer(SHOP)).isNull();
    }

    @Test
    void aTombstoneForAnUnknownLoadBalancerChangesNothing() {
        AppliedConfig applied = AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(
                loadBalancer(SHOP, 1, List.of("shop.test"), 8000, List.of(target("s", 80))))), NOW);

        assertThat(applied.apply(List.of(ConfigChange.deletion(BLOG)), NOW)).isSameAs(applied);
    }

    @Test
    void appliesABatchInTopicOrder() {
        AppliedConfig applied = AppliedConfig.EMPTY.apply(List.of(
                ConfigChange.update(loadBalancer(SHOP, 1, List.of("shop.test"), 8000, List.of(target("a", 80)))),
                ConfigChange.update(loadBalancer(SHOP, 2, List.of("shop.test"), 8000, List.of(target("b", 80)))),
                ConfigChange.update(loadBalancer(BLOG, 1, List.of("blog.test"), 8000, List.of(target("c", 80)))),
                ConfigChange.deletion(BLOG)), NOW);

        assertThat(pickedHost(applied, 8000, "shop.test")).isEqualTo("b");
        assertThat(applied.appliedRevisions()).containsOnlyKeys(SHOP);
    }

    @Test
    void keepsThePreviousRevisionWhenANewOneCannotBeCompiled() {
        AppliedConfig applied = AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(
                loadBalancer(SHOP, 1, List.of("shop.test"), 8000, List.of(target("a", 80))))), NOW);
        LoadBalancerSnapshot valid = loadBalancer(SHOP, 2, List.of("shop.test"), 8000, List.of(target("b", 80)));
        // a listener without a default action: the panel never sends one, a node must survive it anyway
        var broken = new LoadBalancerSnapshot(valid.schemaVersion(), SHOP, valid.tenantId(), valid.name(), 2,
                valid.hostNames(), List.of(new ListenerSnapshot(UUID.randomUUID(), ListenerProtocol.HTTP, 8000,
                        null, List.of())), valid.targetGroups(), valid.createdAt());

        AppliedConfig afterBroken = applied.apply(List.of(ConfigChange.update(broken)), NOW.plusSeconds(1));

        assertThat(afterBroken).isSameAs(applied);
        assertThat(afterBroken.appliedRevisions().get(SHOP).revision()).isEqualTo(1);
    }

    @Test
    void routesHttpsListenersByHostLikeHttpOnes() {
        AppliedConfig applied = AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(withListeners(SHOP, 1,
                List.of("shop.test"), List.of(8443), ListenerProtocol.HTTPS, List.of(target("a", 80))))), NOW);

        assertThat(applied.routingIndex().httpPorts()).containsExactly(8443);
        assertThat(pickedHost(applied, 8443, "shop.test")).isEqualTo("a");
    }

    @Test
    void leavesTcpListenersOutOfTheHttpIndex() {
        AppliedConfig applied = AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(withListeners(SHOP, 1,
                List.of("shop.test"), List.of(5432), ListenerProtocol.TCP, List.of(target("a", 80))))), NOW);

        assertThat(applied.routingIndex().httpPorts()).isEmpty();
        assertThat(applied.appliedRevisions()).containsOnlyKeys(SHOP);
    }

    @Test
    void servesTheDefaultForwardOfASnapshotThatAlsoCarriesRulesAndNewerFeatures() {
        LoadBalancerSnapshot plain = loadBalancer(SHOP, 1, List.of("shop.test"), 8000, List.of(target("a", 80)));
        TargetGroupSnapshot group = plain.targetGroups().get(0);
        var hashed = new TargetGroupSnapshot(group.id(), group.name(), group.protocol(), Algorithm.CONSISTENT_HASH,
                group.healthCheck(), group.targets(), 80, new HashKeySnapshot(HashKeyType.HEADER, "X-User"),
                TargetGroupAttributesSnapshot.DEFAULTS);
        var redirectRule = new RuleSnapshot(UUID.randomUUID(), 1,
                List.of(new ConditionSnapshot("path-pattern", null, List.of("/old/*"))),
                ActionSnapshot.redirect(new RedirectSnapshot(301, "#{protocol}", "#{host}", "#{port}", "/#{path}", "")));
        var listener = new ListenerSnapshot(UUID.randomUUID(), ListenerProtocol.HTTP, 8000,
                ActionSnapshot.forward(List.of(new WeightedTargetGroup(group.id(), 5)), 60), List.of(redirectRule));
        var unknownListener = new ListenerSnapshot(UUID.randomUUID(), ListenerProtocol.UNKNOWN, 9000,
                new ActionSnapshot(ActionType.UNKNOWN, List.of()), List.of());
        var rich = new LoadBalancerSnapshot(plain.schemaVersion(), SHOP, plain.tenantId(), plain.name(), 1,
                plain.hostNames(), List.of(listener, unknownListener), List.of(hashed), plain.createdAt(),
                Map.of("team", "shop"));

        AppliedConfig applied = AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(rich)), NOW);

        assertThat(pickedHost(applied, 8000, "shop.test")).isEqualTo("a");
        assertThat(applied.routingIndex().httpPorts()).containsExactly(8000);
    }

    @Test
    void answersWithTheFixedResponseOfTheDefaultAction() {
        LoadBalancerSnapshot plain = loadBalancer(SHOP, 1, List.of("shop.test"), 8000, List.of(target("a", 80)));
        var fixed = new ListenerSnapshot(UUID.randomUUID(), ListenerProtocol.HTTP, 8000,
                ActionSnapshot.fixedResponse(new FixedResponseSnapshot(503, "text/plain", "down")), List.of());
        var snapshot = new LoadBalancerSnapshot(plain.schemaVersion(), SHOP, plain.tenantId(), plain.name(), 1,
                plain.hostNames(), List.of(fixed), plain.targetGroups(), plain.createdAt());

        AppliedConfig applied = AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(snapshot)), NOW);

        assertThat(applied.appliedRevisions()).containsOnlyKeys(SHOP);
        assertThat(applied.routingIndex().resolve(8000, "shop.test", ANY_REQUEST))
                .isInstanceOfSatisfying(RoutingDecision.FixedResponse.class, fixedResponse -> {
                    assertThat(fixedResponse.statusCode()).isEqualTo(503);
                    assertThat(fixedResponse.body()).asString().isEqualTo("down");
                });
    }

    @Test
    void answersWithNoTargetWhenTheGroupHasNone() {
        AppliedConfig applied = AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(
                loadBalancer(SHOP, 1, List.of("shop.test"), 8000, List.of()))), NOW);

        assertThat(pickedHost(applied, 8000, "shop.test")).isNull();
    }

    private static UUID loadBalancerAt(AppliedConfig config, int port, String host) {
        return forwardAt(config, port, host).loadBalancerId();
    }

    private static String pickedHost(AppliedConfig config, int port, String host) {
        var target = forwardAt(config, port, host).targets().pick();
        return target == null ? null : target.host();
    }

    private static RoutingDecision.Forward forwardAt(AppliedConfig config, int port, String host) {
        RoutingDecision decision = config.routingIndex().resolve(port, host, ANY_REQUEST);
        assertThat(decision).isInstanceOf(RoutingDecision.Forward.class);
        return (RoutingDecision.Forward) decision;
    }
}
