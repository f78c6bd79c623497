package dev.signalbox.panel.loadbalancer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.NodeReports;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.protocol.AppliedRevision;
import dev.signalbox.protocol.NodeStatus;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How long nodes took from a revision's creation to applying it, on the load balancer. */
class ConvergenceIntegrationTests extends PanelIntegrationTest {

    @Test
    void eachNodeShowsHowLongItsRevisionTookAndTheLoadBalancerHowFarTheNodesAre() {
        ApiClient admin = signUp(uniqueSlug("converge"));
        String lb = admin.post("/api/v1/load-balancers", "{\"name\":\"web\"}").expectStatus(201).json().path("id").asString();
        admin.post("/api/v1/load-balancers/" + lb + "/target-groups", "{\"name\":\"app\"}").expectStatus(201);
        Map<Long, Instant> created = Map.of(1L, createdAt(admin, lb, 1), 2L, createdAt(admin, lb, 2));
        String fast = "node-fast-" + UUID.randomUUID();
        String behind = "node-behind-" + UUID.randomUUID();

        NodeReports.send(status(fast, lb, 2, created.get(2L).plusMillis(180)));
        NodeReports.send(status(behind, lb, 1, created.get(1L).plusMillis(40)));

        JsonNode loadBalancer = await().atMost(Duration.ofSeconds(30)).until(
                () -> admin.get("/api/v1/load-balancers/" + lb).expectStatus(200).json(),
                body -> body.path("nodes").size() == 2);
        JsonNode nodes = loadBalancer.path("nodes");
        JsonNode fastNode = nodes.get(0).path("nodeId").asString().equals(behind) ? nodes.get(1) : nodes.get(0);
        JsonNode behindNode = fastNode == nodes.get(0) ? nodes.get(1) : nodes.get(0);
        assertThat(fastNode.path("convergenceMillis").asLong()).isEqualTo(180);
        assertThat(fastNode.path("inSync").asBoolean()).isTrue();
        assertThat(behindNode.path("convergenceMillis").asLong()).isEqualTo(40);
        assertThat(behindNode.path("inSync").asBoolean()).isFalse();
        JsonNode convergence = loadBalancer.path("convergence");
        assertThat(convergence.path("revision").asLong()).isEqualTo(2);
        assertThat(convergence.path("nodesOnRevision").asInt()).isEqualTo(1);
        assertThat(convergence.path("nodes").asInt()).isEqualTo(2);
        assertThat(convergence.path("slowestMillis").asLong()).isEqualTo(180);

        // in the list as well
        JsonNode listed = admin.get("/api/v1/load-balancers").expectStatus(200).json().path("items").get(0);
        assertThat(listed.path("convergence").path("nodesOnRevision").asInt()).isEqualTo(1);
    }

    @Test
    void withoutNodesNoneIsOnTheRevision() {
        ApiClient admin = signUp(uniqueSlug("lonely"));
        JsonNode loadBalancer = admin.post("/api/v1/load-balancers", "{\"name\":\"web\"}").expectStatus(201).json();

        assertThat(loadBalancer.path("convergence").path("revision").asLong()).isEqualTo(1);
        assertThat(loadBalancer.path("convergence").path("nodes").asInt()).isZero();
        assertThat(loadBalancer.path("convergence").path("nodesOnRevision").asInt()).isZero();
        assertThat(loadBalancer.path("convergence").has("slowestMillis")).isFalse();
    }

    private static Instant createdAt(ApiClient admin, String lb, long revision) {
        return Instant.parse(admin.get("/api/v1/load-balancers/" + lb + "/revisions/" + revision).expectStatus(200).json()
                .path("createdAt").asString());
    }

    private static NodeStatus status(String nodeId, String lb, long revision, Instant appliedAt) {
        return new NodeStatus(NodeStatus.SCHEMA_VERSION, nodeId, "test", Instant.now(), List.of(8000),
                Map.of(UUID.fromString(lb), new AppliedRevision(revision, appliedAt)));
    }
}
