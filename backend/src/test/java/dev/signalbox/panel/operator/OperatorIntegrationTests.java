package dev.signalbox.panel.operator;

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
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.panel.support.TestServices;
import dev.signalbox.protocol.AppliedRevision;
import dev.signalbox.protocol.NodeStatus;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.Topics;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorIntegrationTests extends PanelIntegrationTest {

    @Test
    void theOperatorSeesEveryTenantAndOthersDoNotSeeTheViewsAtAll() {
        String slug = uniqueSlug("tenant-seen");
        ApiClient admin = signUp(slug);
        ApiClient operator = operator();

        JsonNode tenants = operator.get("/api/v1/operator/tenants").expectStatus(200).json().path("items");
        assertThat(tenants).extracting(t -> t.path("slug").asString()).contains(slug, "platform-ops");

        admin.get("/api/v1/operator/tenants").expectProblem(404);
        admin.get("/api/v1/operator/nodes").expectProblem(404);
        ApiClient adminToken = admin.withToken(admin.post("/api/v1/tokens", "{\"name\":\"t\",\"scopes\":[\"write\"]}")
                .expectStatus(201).json().path("token").asString());
        adminToken.get("/api/v1/operator/tenants").expectProblem(404);
        newClient().get("/api/v1/operator/tenants").expectProblem(401);
    }

    @Test
    void theNodeFleetShowsEachNodesHeartbeatVersionPortsAndRevisions() throws Exception {
        String nodeId = "node-" + UUID.randomUUID();
        UUID loadBalancerId = UUID.randomUUID();
        Instant applied = Instant.parse("2026-01-02T03:04:05Z");
        NodeStatus status = new NodeStatus(NodeStatus.SCHEMA_VERSION, nodeId, "9.9.9-test", Instant.now(),
                List.of(8080, 8443), Map.of(loadBalancerId, new AppliedRevision(7, applied)));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServices.kafka().bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.NODE_STATUS, nodeId, new ProtocolCodec().encode(status)))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
        }

        ApiClient operator = operator();
        JsonNode node = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (node == null && System.nanoTime() < deadline) {
            for (JsonNode candidate : operator.get("/api/v1/operator/nodes").expectStatus(200).json().path("items")) {
                if (candidate.path("nodeId").asString().equals(nodeId)) {
                    node = candidate;
                }
            }
            Thread.sleep(200);
        }
        assertThat(node).as("node %s reported through Kafka", nodeId).isNotNull();
        assertThat(node.path("version").asString()).isEqualTo("9.9.9-test");
        assertThat(node.path("live").asBoolean()).isTrue();
        assertThat(node.path("boundPorts")).extracting(JsonNode::asInt).containsExactly(8080, 8443);
        JsonNode revision = node.path("appliedRevisions").get(0);
        assertThat(revision.path("loadBalancerId").asString()).isEqualTo(loadBalancerId.toString());
        assertThat(revision.path("revision").asLong()).isEqualTo(7);
        assertThat(Instant.parse(revision.path("appliedAt").asString())).isEqualTo(applied);
    }
}
