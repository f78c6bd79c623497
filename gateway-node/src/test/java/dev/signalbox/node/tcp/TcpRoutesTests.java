package dev.signalbox.node.tcp;

import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.node.routing.AppliedLoadBalancer;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.FixedResponseSnapshot;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetProtocol;
import dev.signalbox.protocol.TargetSnapshot;

class TcpRoutesTests {

    private static final HealthCheckSnapshot TCP_CHECK =
            new HealthCheckSnapshot(TargetProtocol.TCP, "/", null, 30, 5, 3, 3, "200");
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final TargetSnapshot a = target("10.0.0.1", 5432);
    private final TargetSnapshot b = target("10.0.0.2", 5432);
    private final List<TargetGroupSnapshot> built = new ArrayList<>();
    private final GroupSelectorFactory countingSelectors = group -> {
        built.add(group);
        return GroupSelectorFactory.PLAIN.forGroup(group);
    };

    @Test
    void routesEachTcpListenerPortToItsGroupAndLeavesHttpListenersOut() {
        TargetGroupSnapshot group = group(Algorithm.ROUND_ROBIN, 1500, a, b);
        LoadBalancerSnapshot snapshot = snapshot(UUID.randomUUID(), 1, List.of(group),
                listener(ListenerProtocol.TCP, 5432, ActionSnapshot.forward(group.id())),
                listener(ListenerProtocol.HTTP, 8080, ActionSnapshot.forward(group.id())));

        Map<Integer, TcpRoute> routes = TcpRoutes.of(applied(snapshot), Map.of(), countingSelectors);

        assertThat(routes).containsOnlyKeys(5432);
        TcpRoute route = routes.get(5432);
        assertThat(route.loadBalancerId()).isEqualTo(snapshot.id());
        assertThat(route.connectTimeoutMillis()).isEqualTo(1500);
        assertThat(route.hashesSourceIp()).isFalse();
        assertThat(List.of(route.selector().pick(), route.selector().pick(), route.selector().pick()))
                .containsExactly(a, b, a);
    }

    @Test
    void keepsTheRouteAndItsSelectorWhileTheSnapshotRevisionStaysAndRebuildsThemOnANewOne() {
        TargetGroupSnapshot group = group(Algorithm.ROUND_ROBIN, 1500, a, b);
        UUID id = UUID.randomUUID();
        ListenerSnapshot tcp = listener(ListenerProtocol.TCP, 5432, ActionSnapshot.forward(group.id()));
        Map<Integer, TcpRoute> first = TcpRoutes.of(applied(snapshot(id, 1, List.of(group), tcp)), Map.of(),
                countingSelectors);

        Map<Integer, TcpRoute> same = TcpRoutes.of(applied(snapshot(id, 1, List.of(group), tcp)), first,
                countingSelectors);
        Map<Integer, TcpRoute> newer = TcpRoutes.of(applied(snapshot(id, 2, List.of(group), tcp)), same,
                countingSelectors);

        assertThat(same.get(5432)).isSameAs(first.get(5432));
        assertThat(newer.get(5432)).isNotSameAs(first.get(5432));
        assertThat(newer.get(5432).revision()).isEqualTo(2);
        assertThat(built).hasSize(2);
    }

    @Test
    void letsListenersOfOneGroupShareItsSelector() {
        TargetGroupSnapshot group = group(Algorithm.ROUND_ROBIN, 1500, a, b);
        LoadBalancerSnapshot snapshot = snapshot(UUID.randomUUID(), 1, List.of(group),
                listener(ListenerProtocol.TCP, 5432, ActionSnapshot.forward(group.id())),
                listener(ListenerProtocol.TCP, 5433, ActionSnapshot.forward(group.id())));

        Map<Integer, TcpRoute> routes = TcpRoutes.of(applied(snapshot), Map.of(), countingSelectors);

        assertThat(routes.get(5432).selector()).isSameAs(routes.get(5433).selector());
        assertThat(built).hasSize(1);
    }

    @Test
    void hashesTheSourceIpOfAConsistentHashGroupAndUsesTheDefaultConnectTimeoutWhenNoneIsSet() {
        TargetGroupSnapshot group = group(Algorithm.CONSISTENT_HASH, 0, a, b);
        LoadBalancerSnapshot snapshot = snapshot(UUID.randomUUID(), 1, List.of(group),
                listener(ListenerProtocol.TCP, 5432, ActionSnapshot.forward(group.id())));

        TcpRoute route = TcpRoutes.of(applied(snapshot), Map.of(), countingSelectors).get(5432);

        assertThat(route.hashesSourceIp()).isTrue();
        assertThat(route.connectTimeoutMillis()).isEqualTo(TargetGroupAttributesSnapshot.DEFAULTS.connectTimeoutMillis());
    }

    @Test
    void keepsThePortButHasNoTargetWhenTheActionForwardsNowhere() {
        TargetGroupSnapshot group = group(Algorithm.ROUND_ROBIN, 1500, a);
        LoadBalancerSnapshot snapshot = snapshot(UUID.randomUUID(), 1, List.of(group),
                listener(ListenerProtocol.TCP, 5432, ActionSnapshot.forward(UUID.randomUUID())),
                listener(ListenerProtocol.TCP, 5433,
                        ActionSnapshot.fixedResponse(new FixedResponseSnapshot(200, "text/plain", "no"))));

        Map<Integer, TcpRoute> routes = TcpRoutes.of(applied(snapshot), Map.of(), countingSelectors);

        assertThat(routes).containsOnlyKeys(5432, 5433);
        assertThat(routes.get(5432).selector().pick()).isNull();
        assertThat(routes.get(5433).selector().pick()).isNull();
    }

    @Test
    void givesAPortClaimedByTwoLoadBalancersToTheLowerId() {
        TargetGroupSnapshot groupOfA = group(Algorithm.ROUND_ROBIN, 1500, a);
        TargetGroupSnapshot groupOfB = group(Algorithm.ROUND_ROBIN, 1500, b);
        UUID lower = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID higher = UUID.fromString("00000000-0000-0000-0000-000000000002");
        List<AppliedLoadBalancer> both = List.of(
                new AppliedLoadBalancer(snapshot(higher, 1, List.of(groupOfB),
                        listener(ListenerProtocol.TCP, 5432, ActionSnapshot.forward(groupOfB.id()))), NOW, List.of()),
                new AppliedLoadBalancer(snapshot(lower, 1, List.of(groupOfA),
                        listener(ListenerProtocol.TCP, 5432, ActionSnapshot.forward(groupOfA.id()))), NOW, List.of()));

        TcpRoute route = TcpRoutes.of(both, Map.of(), countingSelectors).get(5432);

        assertThat(route.loadBalancerId()).isEqualTo(lower);
        assertThat(route.selector().pick()).isEqualTo(a);
    }

    private static List<AppliedLoadBalancer> applied(LoadBalancerSnapshot snapshot) {
        return List.of(new AppliedLoadBalancer(snapshot, NOW, List.of()));
    }

    private static TargetGroupSnapshot group(Algorithm algorithm, int connectTimeoutMillis, TargetSnapshot... targets) {
        var attributes = new TargetGroupAttributesSnapshot(300, 0, StickinessSnapshot.DISABLED, 0,
                connectTimeoutMillis, 60);
        return new TargetGroupSnapshot(UUID.randomUUID(), "db", TargetProtocol.TCP, algorithm, TCP_CHECK,
                List.of(targets), 5432, algorithm == Algorithm.CONSISTENT_HASH ? HashKeySnapshot.sourceIp() : null,
                attributes);
    }

    private static ListenerSnapshot listener(ListenerProtocol protocol, int port, ActionSnapshot action) {
        return new ListenerSnapshot(UUID.nameUUIDFromBytes((protocol + ":" + port).getBytes()), protocol, port, action,
                List.of());
    }

    private static LoadBalancerSnapshot snapshot(UUID id, long revision, List<TargetGroupSnapshot> groups,
            ListenerSnapshot... listeners) {
        return new LoadBalancerSnapshot(LoadBalancerSnapshot.SCHEMA_VERSION, id, UUID.randomUUID(), "db", revision,
                List.of("db.acme.test"), List.of(listeners), groups, NOW);
    }
}
