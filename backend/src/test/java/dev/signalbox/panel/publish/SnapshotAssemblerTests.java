package dev.signalbox.panel.publish;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.loadbalancer.ListenerInfo;
import dev.signalbox.panel.loadbalancer.LoadBalancerAttributes;
import dev.signalbox.panel.loadbalancer.LoadBalancerInfo;
import dev.signalbox.panel.loadbalancer.RuleView;
import dev.signalbox.panel.targetgroup.TargetGroupInfo;
import dev.signalbox.panel.targetgroup.TargetInfo;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ActionType;
import dev.signalbox.protocol.ConditionSnapshot;
import dev.signalbox.protocol.FixedResponseSnapshot;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.HashKeyType;
import dev.signalbox.protocol.RedirectSnapshot;
import dev.signalbox.protocol.RuleSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.WeightedTargetGroup;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.TargetProtocol;
import dev.signalbox.protocol.TargetSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotAssemblerTests {

    private static final HealthCheckSnapshot CHECK = new HealthCheckSnapshot(TargetProtocol.HTTP, "/", null, 30, 5, 5, 2, "200");

    private final UUID tenant = UUID.randomUUID();
    private final LoadBalancerInfo loadBalancer = new LoadBalancerInfo(UUID.randomUUID(), tenant, "shop",
            "shop.acme.lb.localhost", 7, Instant.parse("2026-01-02T03:04:05Z"));
    private final TargetGroupInfo web = new TargetGroupInfo(UUID.randomUUID(), "web", TargetProtocol.HTTP,
            Algorithm.ROUND_ROBIN, CHECK);
    private final TargetGroupInfo api = new TargetGroupInfo(UUID.randomUUID(), "api", TargetProtocol.HTTP,
            Algorithm.ROUND_ROBIN, CHECK);

    @Test
    void groupsTargetsUnderTheirTargetGroupsInAStableOrder() {
        List<TargetInfo> targets = List.of(
                new TargetInfo(UUID.randomUUID(), web.id(), "10.0.0.2", 80, 1),
                new TargetInfo(UUID.randomUUID(), api.id(), "10.0.1.1", 81, 2),
                new TargetInfo(UUID.randomUUID(), web.id(), "10.0.0.1", 80, 3));
        ListenerInfo listener443 = new ListenerInfo(UUID.randomUUID(), ListenerProtocol.HTTP, 8443, api.id());
        ListenerInfo listener80 = new ListenerInfo(UUID.randomUUID(), ListenerProtocol.HTTP, 80, web.id());

        LoadBalancerSnapshot snapshot = SnapshotAssembler.snapshot(loadBalancer, LoadBalancerAttributes.NONE, 7,
                List.of(listener443, listener80), List.of(), List.of(web, api), targets);

        assertThat(snapshot.schemaVersion()).isEqualTo(LoadBalancerSnapshot.SCHEMA_VERSION);
        assertThat(snapshot.revision()).isEqualTo(7);
        assertThat(snapshot.tenantId()).isEqualTo(tenant);
        assertThat(snapshot.hostNames()).containsExactly("shop.acme.lb.localhost");
        assertThat(snapshot.listeners()).extracting(l -> l.port()).containsExactly(80, 8443);
        assertThat(snapshot.listeners().get(0).defaultAction().type()).isEqualTo(ActionType.FORWARD);
        assertThat(snapshot.listeners().get(0).defaultAction().targetGroups().get(0).targetGroupId()).isEqualTo(web.id());
        assertThat(snapshot.targetGroups()).extracting(g -> g.name()).containsExactly("api", "web");
        assertThat(snapshot.targetGroups().get(1).targets()).extracting(TargetSnapshot::host, TargetSnapshot::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10.0.0.1", 3),
                        org.assertj.core.groups.Tuple.tuple("10.0.0.2", 1));
        assertThat(snapshot.targetGroups().get(0).targets()).hasSize(1);
    }

    @Test
    void carriesExtraHostNamesTagsRulesByPriorityAndEveryListenerAndGroupSetting() {
        var attributes = new LoadBalancerAttributes(List.of("www.shop.test"),
                List.of(new LoadBalancerAttributes.Tag("team", "shop")));
        UUID certificate = UUID.randomUUID();
        var https = new ListenerInfo(UUID.randomUUID(), ListenerProtocol.HTTPS, 443,
                ActionSnapshot.fixedResponse(new FixedResponseSnapshot(404, "text/plain", "no route")),
                "Signalbox-TLS13-1-3-2026-01", List.of(certificate));
        var late = new RuleView(https.id(), new RuleSnapshot(UUID.randomUUID(), 20, List.of(),
                ActionSnapshot.forward(List.of(new WeightedTargetGroup(web.id(), 9), new WeightedTargetGroup(api.id(), 1)),
                        300)), List.of());
        var early = new RuleView(https.id(), new RuleSnapshot(UUID.randomUUID(), 5,
                List.of(new ConditionSnapshot("path-pattern", null, List.of("/old/*"))),
                ActionSnapshot.redirect(new RedirectSnapshot(301, "HTTPS", "#{host}", "#{port}", "/new", "#{query}"))),
                List.of());
        var hashed = new TargetGroupInfo(UUID.randomUUID(), "hashed", TargetProtocol.HTTP, Algorithm.CONSISTENT_HASH,
                CHECK, 8080, new HashKeySnapshot(HashKeyType.COOKIE, "sid"),
                new TargetGroupAttributesSnapshot(10, 60, new StickinessSnapshot(true, "lb_cookie", 120), 2, 1000, 30));

        LoadBalancerSnapshot snapshot = SnapshotAssembler.snapshot(loadBalancer, attributes, 3, List.of(https),
                List.of(late, early), List.of(hashed), List.of());

        assertThat(snapshot.hostNames()).containsExactly("shop.acme.lb.localhost", "www.shop.test");
        assertThat(snapshot.tags()).containsExactly(org.assertj.core.api.Assertions.entry("team", "shop"));
        var listener = snapshot.listeners().get(0);
        assertThat(listener.tlsPolicy()).isEqualTo("Signalbox-TLS13-1-3-2026-01");
        assertThat(listener.certificateIds()).containsExactly(certificate);
        assertThat(listener.defaultAction().fixedResponse().statusCode()).isEqualTo(404);
        assertThat(listener.rules()).extracting(RuleSnapshot::priority).containsExactly(5, 20);
        assertThat(listener.rules().get(1).action().stickinessSeconds()).isEqualTo(300);
        var group = snapshot.targetGroups().get(0);
        assertThat(group.port()).isEqualTo(8080);
        assertThat(group.hashKey()).isEqualTo(new HashKeySnapshot(HashKeyType.COOKIE, "sid"));
        assertThat(group.attributes().slowStartSeconds()).isEqualTo(60);
        ProtocolCodec codec = new ProtocolCodec();
        assertThat(codec.decodeSnapshot(codec.encode(snapshot))).isEqualTo(snapshot);
    }

    @Test
    void aGroupWithoutTargetsIsPublishedEmptyAndTheSnapshotSurvivesTheWire() {
        LoadBalancerSnapshot snapshot = SnapshotAssembler.snapshot(loadBalancer, LoadBalancerAttributes.NONE, 1,
                List.of(), List.of(), List.of(web), List.of());

        assertThat(snapshot.targetGroups().get(0).targets()).isEmpty();
        ProtocolCodec codec = new ProtocolCodec();
        assertThat(codec.decodeSnapshot(codec.encode(snapshot))).isEqualTo(snapshot);
    }
}
