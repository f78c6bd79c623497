package dev.signalbox.panel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.ConfigTopic;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.panel.support.TestServices;
import dev.signalbox.panel.support.Fixtures;
import dev.signalbox.panel.support.TestCertificate;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.AppliedRevision;
import dev.signalbox.protocol.FixedResponseSnapshot;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.HashKeyType;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.QueryStringPair;
import dev.signalbox.protocol.RedirectSnapshot;
import dev.signalbox.protocol.RuleSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.NodeStatus;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.TargetSnapshot;
import dev.signalbox.protocol.Topics;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConfigPublishingIntegrationTests extends PanelIntegrationTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Test
    void aConfigurationBuiltWithAnApiTokenArrivesOnTheConfigTopic() {
        String slug = uniqueSlug("acme");
        signUp(slug);
        ApiClient console = newClient();
        console.post("/api/v1/session", "{\"email\":\"admin@" + slug + ".example\",\"password\":\"correct horse battery\"}")
                .expectStatus(200);
        JsonNode created = console.post("/api/v1/tokens", "{\"name\":\"ci\",\"scopes\":[\"read\",\"write\"]}")
                .expectStatus(201).json();
        String secret = created.path("token").asString();
        assertThat(secret).startsWith("sbx_");
        ApiClient ci = console.withToken(secret);

        JsonNode lb = ci.post("/api/v1/load-balancers", "{\"name\":\"shop\"}").expectStatus(201).json();
        String lbId = lb.path("id").asString();
        assertThat(lb.path("dnsName").asString()).isEqualTo("shop." + slug + ".lb.localhost");
        assertThat(lb.path("revision").asLong()).isEqualTo(1);
        String tgId = ci.post("/api/v1/load-balancers/" + lbId + "/target-groups",
                "{\"name\":\"web\",\"healthCheck\":{\"path\":\"/health\",\"intervalSeconds\":10}}")
                .expectStatus(201).json().path("id").asString();
        JsonNode targets = ci.post("/api/v1/load-balancers/" + lbId + "/target-groups/" + tgId + "/targets",
                "{\"targets\":[{\"host\":\"127.0.0.1\",\"port\":9001},{\"host\":\"127.0.0.1\",\"port\":9002,\"weight\":3}]}")
                .expectStatus(200).json();
        assertThat(targets.path("items")).hasSize(2);
        ci.post("/api/v1/load-balancers/" + lbId + "/listeners",
                "{\"protocol\":\"HTTP\",\"port\":8000,\"defaultAction\":{\"type\":\"FORWARD\",\"targetGroupId\":\"" + tgId + "\"}}")
                .expectStatus(201);

        long revision = ci.get("/api/v1/load-balancers/" + lbId).expectStatus(200).json().path("revision").asLong();
        assertThat(revision).isEqualTo(4);
        LoadBalancerSnapshot snapshot = ConfigTopic.awaitLatest(lbId, m -> m.snapshot() != null
                && m.snapshot().revision() == revision, DELIVERY).orElseThrow().snapshot();
        assertThat(snapshot.revision()).isEqualTo(4);
        assertThat(snapshot.name()).isEqualTo("shop");
        assertThat(snapshot.hostNames()).containsExactly("shop." + slug + ".lb.localhost");
        assertThat(snapshot.listeners()).singleElement().satisfies(listener -> {
            assertThat(listener.port()).isEqualTo(8000);
            assertThat(listener.defaultAction().targetGroups().get(0).targetGroupId()).hasToString(tgId);
        });
        assertThat(snapshot.targetGroups()).singleElement().satisfies(group -> {
            assertThat(group.healthCheck().path()).isEqualTo("/health");
            assertThat(group.healthCheck().intervalSeconds()).isEqualTo(10);
            assertThat(group.targets()).extracting(TargetSnapshot::port, TargetSnapshot::weight)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(9001, 1), org.assertj.core.groups.Tuple.tuple(9002, 3));
        });

        String targetId = targets.path("items").get(0).path("id").asString();
        ci.delete("/api/v1/load-balancers/" + lbId + "/target-groups/" + tgId + "/targets/" + targetId).expectStatus(204);
        LoadBalancerSnapshot afterDeregister = ConfigTopic.awaitLatest(lbId, m -> m.snapshot() != null
                && m.snapshot().revision() == 5, DELIVERY).orElseThrow().snapshot();
        assertThat(afterDeregister.targetGroups().get(0).targets()).extracting(TargetSnapshot::port).containsExactly(9002);
        assertThat(ci.get("/api/v1/load-balancers/" + lbId).json().path("revision").asLong()).isEqualTo(5);
    }

    @Test
    void theSnapshotCarriesHostNamesTagsRulesListenerAndTargetGroupSettings() {
        String slug = uniqueSlug("rich");
        ApiClient client = signUp(slug);
        String lbId = client.post("/api/v1/load-balancers", "{\"name\":\"shop\",\"hostNames\":[\"www." + slug
                + ".example\"],\"tags\":[{\"key\":\"team\",\"value\":\"checkout\"}]}").expectStatus(201).json()
                .path("id").asString();
        String lb = "/api/v1/load-balancers/" + lbId;
        String tgId = client.post(lb + "/target-groups", "{\"name\":\"web\",\"port\":8080,\"algorithm\":\"CONSISTENT_HASH\","
                + "\"hashKey\":{\"type\":\"COOKIE\",\"name\":\"sid\"},\"attributes\":{\"deregistrationDelaySeconds\":15,"
                + "\"stickiness\":{\"enabled\":true,\"durationSeconds\":120},\"retries\":2}}").expectStatus(201).json()
                .path("id").asString();
        String certificate = Fixtures.certificate(client, "www", TestCertificate.selfSigned("www." + slug + ".example"));
        int port = uniquePort();
        String listenerId = client.post(lb + "/listeners", "{\"protocol\":\"HTTPS\",\"port\":" + port
                + ",\"tlsPolicy\":\"Signalbox-TLS13-1-3-2026-01\",\"certificateIds\":[\"" + certificate + "\"],"
                + "\"defaultAction\":{\"type\":\"FIXED_RESPONSE\",\"fixedResponse\":{\"statusCode\":404,"
                + "\"contentType\":\"application/json\",\"messageBody\":\"{}\"}}}").expectStatus(201).json()
                .path("id").asString();
        client.post(lb + "/listeners/" + listenerId + "/rules", "{\"priority\":5,\"conditions\":[{\"field\":"
                + "\"query-string\",\"queryStringValues\":[{\"key\":\"v\",\"value\":\"2*\"}]}],\"action\":{\"type\":"
                + "\"FORWARD\",\"targetGroups\":[{\"targetGroupId\":\"" + tgId + "\",\"weight\":7}],"
                + "\"stickinessSeconds\":60}}").expectStatus(201);
        client.post(lb + "/listeners/" + listenerId + "/rules", "{\"priority\":9,\"conditions\":[{\"field\":"
                + "\"path-pattern\",\"values\":[\"/old/*\"]}],\"action\":{\"type\":\"REDIRECT\",\"redirect\":"
                + "{\"host\":\"new.#{host}\"}}}").expectStatus(201);
        long revision = client.get(lb).json().path("revision").asLong();

        LoadBalancerSnapshot snapshot = ConfigTopic.awaitLatest(lbId, m -> m.snapshot() != null
                && m.snapshot().revision() == revision, DELIVERY).orElseThrow().snapshot();

        assertThat(snapshot.hostNames()).containsExactly("shop." + slug + ".lb.localhost", "www." + slug + ".example");
        assertThat(snapshot.tags()).containsEntry("team", "checkout");
        ListenerSnapshot listener = snapshot.listeners().get(0);
        assertThat(listener.protocol()).isEqualTo(ListenerProtocol.HTTPS);
        assertThat(listener.tlsPolicy()).isEqualTo("Signalbox-TLS13-1-3-2026-01");
        assertThat(listener.certificateIds()).extracting(UUID::toString).containsExactly(certificate);
        assertThat(listener.defaultAction().fixedResponse()).isEqualTo(
                new FixedResponseSnapshot(404, "application/json", "{}"));
        assertThat(listener.rules()).extracting(RuleSnapshot::priority).containsExactly(5, 9);
        RuleSnapshot weighted = listener.rules().get(0);
        assertThat(weighted.conditions().get(0).queryPairs()).containsExactly(new QueryStringPair("v", "2*"));
        assertThat(weighted.action().targetGroups().get(0).weight()).isEqualTo(7);
        assertThat(weighted.action().stickinessSeconds()).isEqualTo(60);
        assertThat(listener.rules().get(1).action().redirect()).isEqualTo(
                new RedirectSnapshot(301, "#{protocol}", "new.#{host}", "#{port}", "/#{path}", "#{query}"));
        TargetGroupSnapshot group = snapshot.targetGroups().get(0);
        assertThat(group.port()).isEqualTo(8080);
        assertThat(group.algorithm()).isEqualTo(Algorithm.CONSISTENT_HASH);
        assertThat(group.hashKey()).isEqualTo(new HashKeySnapshot(HashKeyType.COOKIE, "sid"));
        assertThat(group.attributes().deregistrationDelaySeconds()).isEqualTo(15);
        assertThat(group.attributes().stickiness()).isEqualTo(new StickinessSnapshot(true, "lb_cookie", 120));
        assertThat(group.attributes().retries()).isEqualTo(2);
    }

    @Test
    void aNodeReportingItsAppliedRevisionShowsOnTheLoadBalancer() {
        ApiClient client = signUp(uniqueSlug("nodes"));
        String lbId = client.post("/api/v1/load-balancers", "{\"name\":\"edge\"}").expectStatus(201).json()
                .path("id").asString();
        String nodeId = "node-" + UUID.randomUUID();
        publishStatus(new NodeStatus(NodeStatus.SCHEMA_VERSION, nodeId, "test", Instant.now(), List.of(8000),
                Map.of(UUID.fromString(lbId), new AppliedRevision(1, Instant.parse("2026-01-01T00:00:00Z")))));

        await().atMost(DELIVERY).untilAsserted(() -> {
            JsonNode nodes = client.get("/api/v1/load-balancers/" + lbId).expectStatus(200).json().path("nodes");
            assertThat(nodes).hasSize(1);
            assertThat(nodes.get(0).path("nodeId").asString()).isEqualTo(nodeId);
            assertThat(nodes.get(0).path("appliedRevision").asLong()).isEqualTo(1);
            assertThat(nodes.get(0).path("inSync").asBoolean()).isTrue();
            assertThat(nodes.get(0).path("appliedAt").asString()).startsWith("2026-01-01T00:00");
        });

        client.post("/api/v1/load-balancers/" + lbId + "/target-groups", "{\"name\":\"web\"}").expectStatus(201);
        JsonNode node = client.get("/api/v1/load-balancers/" + lbId).json().path("nodes").get(0);
        assertThat(node.path("inSync").asBoolean()).as("revision 2 exists, the node has 1").isFalse();
    }

    @Test
    void deletingALoadBalancerPublishesATombstone() {
        ApiClient client = signUp(uniqueSlug("gone"));
        String lbId = client.post("/api/v1/load-balancers", "{\"name\":\"temp\"}").expectStatus(201).json()
                .path("id").asString();
        ConfigTopic.awaitLatest(lbId, m -> m.snapshot() != null, DELIVERY).orElseThrow();

        client.delete("/api/v1/load-balancers/" + lbId).expectStatus(204);

        assertThat(ConfigTopic.awaitLatest(lbId, m -> m.snapshot() == null, DELIVERY)).hasValueSatisfying(
                message -> assertThat(message.snapshot()).isNull());
        client.get("/api/v1/load-balancers/" + lbId).expectProblem(404);
    }

    private static void publishStatus(NodeStatus status) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestServices.kafka().bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.NODE_STATUS, status.nodeId(), new ProtocolCodec().encode(status)));
            producer.flush();
        }
    }
}
