package dev.signalbox.panel.targetgroup;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.NodeReports;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.protocol.ProbeSnapshot;
import dev.signalbox.protocol.TargetHealthReport;
import dev.signalbox.protocol.TargetHealthState;
import dev.signalbox.protocol.TargetHealthStatus;
import dev.signalbox.protocol.Topics;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Target health reports from two nodes, through Kafka and Redis, to the health of each target in the API. */
class TargetHealthIntegrationTests extends PanelIntegrationTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final Instant SINCE = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);

    @Test
    void eachTargetShowsTheWorstStateOfTheNodesThatCheckItWithEachNodesProbes() {
        ApiClient admin = signUp(uniqueSlug("health"));
        Group group = group(admin, "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4");
        UUID healthy = group.target("10.0.0.1");
        UUID failing = group.target("10.0.0.2");
        UUID unseen = group.target("10.0.0.3");
        UUID draining = group.target("10.0.0.4");
        admin.delete(group.path() + "/targets/" + draining).expectStatus(204);
        String nodeA = "node-a-" + UUID.randomUUID();
        String nodeB = "node-b-" + UUID.randomUUID();
        Instant ejectedUntil = SINCE.plusSeconds(600);
        ProbeSnapshot failedProbe = new ProbeSnapshot(SINCE.plusSeconds(5), 12, false, "Target.ResponseCodeMismatch", 500);

        NodeReports.send(new TargetHealthReport(TargetHealthReport.SCHEMA_VERSION, nodeA, Instant.now(), List.of(
                group.status(healthy, "10.0.0.1", TargetHealthState.HEALTHY, null),
                group.status(failing, "10.0.0.2", TargetHealthState.HEALTHY, null),
                group.status(draining, "10.0.0.4", TargetHealthState.DRAINING, "Target.DeregistrationInProgress"))));
        NodeReports.send(new TargetHealthReport(TargetHealthReport.SCHEMA_VERSION, nodeB, Instant.now(), List.of(
                group.status(healthy, "10.0.0.1", TargetHealthState.HEALTHY, null),
                new TargetHealthStatus(group.loadBalancerId(), group.targetGroupId(), failing, "10.0.0.2", 8080,
                        TargetHealthState.UNHEALTHY, "Target.ResponseCodeMismatch", SINCE, ejectedUntil,
                        List.of(new ProbeSnapshot(SINCE, 3, true, null, 200), failedProbe)))));

        JsonNode items = await().atMost(DELIVERY).until(() -> group.health(admin),
                health -> health.size() == 4 && health.get(1).path("nodes").size() == 2);

        assertThat(items).extracting(item -> item.path("host").asString(), item -> item.path("registered").asBoolean(),
                item -> item.path("state").asString(), item -> item.path("reason").asString(null)).containsExactly(
                        tuple("10.0.0.1", true, "HEALTHY", null),
                        tuple("10.0.0.2", true, "UNHEALTHY", "Target.ResponseCodeMismatch"),
                        tuple("10.0.0.3", true, "INITIAL", "Elb.RegistrationInProgress"),
                        tuple("10.0.0.4", false, "DRAINING", "Target.DeregistrationInProgress"));
        assertThat(items).extracting(item -> item.path("targetId").asString())
                .containsExactly(healthy.toString(), failing.toString(), unseen.toString(), draining.toString());
        assertThat(items.get(0).path("nodes")).extracting(node -> node.path("nodeId").asString()).containsExactly(nodeA, nodeB);
        assertThat(items.get(2).path("nodes")).isEmpty();
        JsonNode failingOnB = items.get(1).path("nodes").get(1);
        assertThat(failingOnB.path("nodeId").asString()).isEqualTo(nodeB);
        assertThat(failingOnB.path("state").asString()).isEqualTo("UNHEALTHY");
        assertThat(Instant.parse(failingOnB.path("since").asString())).isEqualTo(SINCE);
        assertThat(Instant.parse(failingOnB.path("ejectedUntil").asString())).isEqualTo(ejectedUntil);
        assertThat(failingOnB.path("lastProbes")).hasSize(2);
        JsonNode probe = failingOnB.path("lastProbes").get(1);
        assertThat(Instant.parse(probe.path("at").asString())).isEqualTo(failedProbe.at());
        assertThat(probe.path("latencyMillis").asLong()).isEqualTo(12);
        assertThat(probe.path("success").asBoolean()).isFalse();
        assertThat(probe.path("reason").asString()).isEqualTo("Target.ResponseCodeMismatch");
        assertThat(probe.path("statusCode").asInt()).isEqualTo(500);
        assertThat(failingOnB.path("lastProbes").get(0).path("success").asBoolean()).isTrue();
        assertThat(items.get(1).path("nodes").get(0).has("ejectedUntil")).isFalse();

        // node B's next report no longer names the failing target (it stopped checking it): only node A's view is left
        NodeReports.send(new TargetHealthReport(TargetHealthReport.SCHEMA_VERSION, nodeB, Instant.now(), List.of(
                group.status(healthy, "10.0.0.1", TargetHealthState.HEALTHY, null))));

        JsonNode after = await().atMost(DELIVERY).until(() -> group.health(admin),
                health -> health.get(1).path("nodes").size() == 1);
        assertThat(after.get(1).path("nodes").get(0).path("nodeId").asString()).isEqualTo(nodeA);
        assertThat(after.get(1).path("state").asString()).isEqualTo("HEALTHY");
        assertThat(after.get(0).path("nodes")).hasSize(2);
    }

    @Test
    void anUnreadableReportIsSkippedAndTheNodesNextReportCounts() {
        ApiClient admin = signUp(uniqueSlug("garbled"));
        Group group = group(admin, "10.0.1.1");
        String node = "node-" + UUID.randomUUID();

        NodeReports.send(Topics.TARGET_HEALTH, node, "{not a report".getBytes(StandardCharsets.UTF_8));
        NodeReports.send(new TargetHealthReport(TargetHealthReport.SCHEMA_VERSION, node, Instant.now(), List.of(
                group.status(group.target("10.0.1.1"), "10.0.1.1", TargetHealthState.UNHEALTHY, "Target.Timeout"))));

        JsonNode items = await().atMost(DELIVERY).until(() -> group.health(admin),
                health -> health.get(0).path("nodes").size() == 1);
        assertThat(items.get(0).path("state").asString()).isEqualTo("UNHEALTHY");
        assertThat(items.get(0).path("reason").asString()).isEqualTo("Target.Timeout");
    }

    @Test
    void showsTheNodesOnWhichTheGroupIsInPanicMode() {
        ApiClient admin = signUp(uniqueSlug("panic"));
        Group group = group(admin, "10.0.3.1");
        UUID target = group.target("10.0.3.1");
        String calm = "node-calm-" + UUID.randomUUID();
        String panicking = "node-panic-" + UUID.randomUUID();

        NodeReports.send(new TargetHealthReport(TargetHealthReport.SCHEMA_VERSION, calm, Instant.now(),
                List.of(group.status(target, "10.0.3.1", TargetHealthState.INITIAL, "Elb.InitialHealthChecking"))));
        NodeReports.send(new TargetHealthReport(TargetHealthReport.SCHEMA_VERSION, panicking, Instant.now(),
                List.of(group.status(target, "10.0.3.1", TargetHealthState.UNHEALTHY, "Target.Timeout")),
                List.of(group.targetGroupId(), UUID.randomUUID())));

        JsonNode list = await().atMost(DELIVERY).until(
                () -> admin.get(group.path() + "/health").expectStatus(200).json(),
                health -> health.path("items").get(0).path("nodes").size() == 2);
        assertThat(list.path("panicNodes")).extracting(JsonNode::asString).containsExactly(panicking);

        NodeReports.send(new TargetHealthReport(TargetHealthReport.SCHEMA_VERSION, panicking, Instant.now(),
                List.of(group.status(target, "10.0.3.1", TargetHealthState.HEALTHY, null))));
        await().atMost(DELIVERY).until(() -> admin.get(group.path() + "/health").expectStatus(200).json(),
                health -> health.path("panicNodes").isEmpty());
    }

    @Test
    void viewersReadTheHealthAndOtherTenantsFindNothing() {
        String slug = uniqueSlug("health-owner");
        ApiClient owner = signUp(slug);
        Group group = group(owner, "10.0.2.1");
        ApiClient viewer = addUser(owner, "viewer@" + slug + ".example", "VIEWER");
        ApiClient other = signUp(uniqueSlug("health-other"));
        String othersLoadBalancer = other.post("/api/v1/load-balancers", "{\"name\":\"mine\"}").expectStatus(201).json()
                .path("id").asString();

        assertThat(viewer.get(group.path() + "/health").expectStatus(200).json().path("items")).hasSize(1);
        other.get(group.path() + "/health").expectProblem(404);
        other.get("/api/v1/load-balancers/" + othersLoadBalancer + "/target-groups/" + group.targetGroupId() + "/health")
                .expectProblem(404);
    }

    private static Group group(ApiClient admin, String... hosts) {
        UUID loadBalancerId = UUID.fromString(admin.post("/api/v1/load-balancers", "{\"name\":\"web\"}").expectStatus(201)
                .json().path("id").asString());
        UUID targetGroupId = UUID.fromString(admin.post("/api/v1/load-balancers/" + loadBalancerId + "/target-groups",
                "{\"name\":\"app\"}").expectStatus(201).json().path("id").asString());
        return new Group(loadBalancerId, targetGroupId, admin.post("/api/v1/load-balancers/" + loadBalancerId
                + "/target-groups/" + targetGroupId + "/targets", "{\"targets\":[" + String.join(",", List.of(hosts).stream()
                .map(host -> "{\"host\":\"" + host + "\",\"port\":8080}").toList()) + "]}").expectStatus(200).json());
    }

    private record Group(UUID loadBalancerId, UUID targetGroupId, JsonNode registered) {

        String path() {
            return "/api/v1/load-balancers/" + loadBalancerId + "/target-groups/" + targetGroupId;
        }

        UUID target(String host) {
            for (JsonNode target : registered.path("items")) {
                if (target.path("host").asString().equals(host)) {
                    return UUID.fromString(target.path("id").asString());
                }
            }
            throw new AssertionError("no target " + host);
        }

        TargetHealthStatus status(UUID targetId, String host, TargetHealthState state, @Nullable String reason) {
            return new TargetHealthStatus(loadBalancerId, targetGroupId, targetId, host, 8080, state, reason, SINCE,
                    null, List.of());
        }

        JsonNode health(ApiClient client) {
            return client.get(path() + "/health").expectStatus(200).json().path("items");
        }
    }
}
