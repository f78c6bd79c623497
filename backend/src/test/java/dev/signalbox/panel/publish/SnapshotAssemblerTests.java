package dev.signalbox.panel.publish;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.loadbalancer.ListenerInfo;
import dev.signalbox.panel.loadbalancer.LoadBalancerInfo;
import dev.signalbox.panel.targetgroup.TargetGroupInfo;
import dev.signalbox.panel.targetgroup.TargetInfo;
import dev.signalbox.protocol.ActionType;
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

        LoadBalancerSnapshot snapshot = SnapshotAssembler.snapshot(loadBalancer, 7, List.of(listener443, listener80),
                List.of(web, api), targets);

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
    void aGroupWithoutTargetsIsPublishedEmptyAndTheSnapshotSurvivesTheWire() {
        LoadBalancerSnapshot snapshot = SnapshotAssembler.snapshot(loadBalancer, 1, List.of(), List.of(web), List.of());

        assertThat(snapshot.targetGroups().get(0).targets()).isEmpty();
        ProtocolCodec codec = new ProtocolCodec();
        assertThat(codec.decodeSnapshot(codec.encode(snapshot))).isEqualTo(snapshot);
    }
}
