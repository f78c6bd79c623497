package dev.signalbox.panel.loadbalancer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.NodeReports;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.protocol.LatencyBuckets;
import dev.signalbox.protocol.MetricsReport;
import dev.signalbox.protocol.TrafficWindow;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Metrics windows from two nodes, through Kafka and Redis, to the traffic series of the API. */
class MetricsIntegrationTests extends PanelIntegrationTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Test
    void trafficIsSummedOverNodesWithStatusClassesPercentilesAndEachNodesLastInFlight() {
        ApiClient admin = signUp(uniqueSlug("traffic"));
        Setup lb = setup(admin);
        // two windows in one 10 s bucket, one 5 s after the other
        long now = Instant.now().getEpochSecond();
        Instant bucket = Instant.ofEpochSecond(now - now % 10);
        String nodeA = "node-a-" + UUID.randomUUID();
        String nodeB = "node-b-" + UUID.randomUUID();

        NodeReports.send(new MetricsReport(MetricsReport.SCHEMA_VERSION, nodeA, bucket, bucket.plusSeconds(5), List.of(
                window(lb.id(), null, null, new long[] {100, 0, 90, 0, 6, 4, 1_000, 50_000, 3}, latency(0, 50, 4, 40, 6, 10)),
                window(lb.id(), lb.group(), null, new long[] {80, 0, 76, 0, 0, 4, 800, 40_000, 3}, latency(4, 80)),
                window(lb.id(), lb.group(), lb.first(), new long[] {50, 0, 50, 0, 0, 0, 500, 25_000, 1}, latency(4, 50)),
                window(lb.id(), lb.group(), lb.second(), new long[] {30, 0, 26, 0, 0, 4, 300, 15_000, 2}, latency(4, 30)))));
        NodeReports.send(new MetricsReport(MetricsReport.SCHEMA_VERSION, nodeB, bucket, bucket.plusSeconds(5), List.of(
                window(lb.id(), null, null, new long[] {50, 1, 45, 2, 0, 2, 500, 25_000, 2}, latency(0, 50)),
                window(lb.id(), lb.group(), lb.first(), new long[] {25, 0, 25, 0, 0, 0, 250, 12_500, 0}, latency(0, 25)))));
        // node A's next window in the same bucket: 1 in flight replaces its earlier 3
        NodeReports.send(new MetricsReport(MetricsReport.SCHEMA_VERSION, nodeA, bucket.plusSeconds(5),
                bucket.plusSeconds(10), List.of(window(lb.id(), null, null, new long[] {0, 0, 0, 0, 0, 0, 0, 0, 1},
                        latency()))));

        JsonNode metrics = await().atMost(DELIVERY).until(() -> lb.metrics(admin, "?window=5m"),
                m -> m.path("totals").path("requests").asLong() == 150 && m.path("points").size() == 30
                        && point(m, bucket).path("inFlight").asLong() == 3);

        assertThat(metrics.path("window").asString()).isEqualTo("5m");
        assertThat(metrics.path("stepSeconds").asInt()).isEqualTo(10);
        JsonNode totals = metrics.path("totals");
        assertThat(List.of("requests", "responses1xx", "responses2xx", "responses3xx", "responses4xx", "responses5xx",
                "bytesReceived", "bytesSent", "peakInFlight").stream().map(field -> totals.path(field).asLong()))
                .containsExactly(150L, 1L, 135L, 2L, 6L, 6L, 1_500L, 75_000L, 3L);
        // 100 in (0, 1] ms, 40 in (10, 25], 10 in (50, 100]: ranks 75, 135 and 148.5
        assertThat(totals.path("latencyMillis").path("p50").asDouble()).isEqualTo(0.75);
        assertThat(totals.path("latencyMillis").path("p90").asDouble()).isCloseTo(23.125, within(1e-9));
        assertThat(totals.path("latencyMillis").path("p99").asDouble()).isCloseTo(92.5, within(1e-9));
        JsonNode point = point(metrics, bucket);
        assertThat(point.path("requests").asLong()).isEqualTo(150);
        assertThat(point.path("latencyMillis").path("p99").asDouble()).isCloseTo(92.5, within(1e-9));
        long otherRequests = 0;
        for (JsonNode other : metrics.path("points")) {
            otherRequests += other == point ? 0 : other.path("requests").asLong();
            assertThat(other == point || !other.has("latencyMillis")).as("a point without traffic has no latency").isTrue();
        }
        assertThat(otherRequests).isZero();

        JsonNode group = lb.metrics(admin, "?window=5m&targetGroupId=" + lb.group()).path("totals");
        assertThat(group.path("requests").asLong()).as("only node A forwarded to the group as a whole").isEqualTo(80);
        assertThat(group.path("responses5xx").asLong()).isEqualTo(4);
        JsonNode first = lb.metrics(admin, "?window=5m&targetGroupId=" + lb.group() + "&targetId=" + lb.first());
        assertThat(first.path("targetId").asString()).isEqualTo(lb.first().toString());
        assertThat(first.path("totals").path("requests").asLong()).isEqualTo(75);
        assertThat(first.path("totals").path("bytesSent").asLong()).isEqualTo(37_500);
        // 25 in (0, 1], 50 in (10, 25]: the median is the rank 37.5, a quarter into the second bucket
        assertThat(first.path("totals").path("latencyMillis").path("p50").asDouble()).isEqualTo(13.75);
        assertThat(lb.metrics(admin, "?window=5m&targetGroupId=" + lb.group() + "&targetId=" + lb.second())
                .path("totals").path("requests").asLong()).isEqualTo(30);

        for (String window : List.of("15m", "1h", "6h", "24h")) {
            JsonNode longer = lb.metrics(admin, "?window=" + window);
            assertThat(longer.path("totals").path("requests").asLong()).as(window).isEqualTo(150);
            assertThat(longer.path("totals").path("peakInFlight").asLong()).as(window).isEqualTo(3);
        }
    }

    @Test
    void withoutReportsTheSeriesIsThereAndEmpty() {
        ApiClient admin = signUp(uniqueSlug("quiet"));
        Setup lb = setup(admin);

        JsonNode metrics = lb.metrics(admin, "");

        assertThat(metrics.path("window").asString()).as("the default window").isEqualTo("15m");
        assertThat(metrics.path("stepSeconds").asInt()).isEqualTo(30);
        assertThat(metrics.path("points")).hasSize(30).allSatisfy(point -> {
            assertThat(point.path("requests").asLong()).isZero();
            assertThat(point.path("inFlight").asLong()).isZero();
            assertThat(point.has("latencyMillis")).isFalse();
        });
        Instant first = Instant.parse(metrics.path("points").get(0).path("startsAt").asString());
        Instant last = Instant.parse(metrics.path("points").get(29).path("startsAt").asString());
        assertThat(Duration.between(first, last)).isEqualTo(Duration.ofSeconds(29 * 30));
        assertThat(Instant.parse(metrics.path("startsAt").asString())).isEqualTo(first);
        assertThat(metrics.path("totals").path("requests").asLong()).isZero();
        assertThat(metrics.path("totals").has("latencyMillis")).isFalse();
    }

    @Test
    void badWindowsAndFiltersAreProblems() {
        ApiClient admin = signUp(uniqueSlug("bad-metrics"));
        Setup lb = setup(admin);
        String path = "/api/v1/load-balancers/" + lb.id() + "/metrics";

        ApiClient.Response window = admin.get(path + "?window=2h").expectProblem(400);
        assertThat(window.json().path("errors").get(0).path("pointer").asString()).isEqualTo("/window");
        assertThat(window.json().path("detail").asString()).contains("5m, 15m, 1h, 6h, 24h");
        ApiClient.Response target = admin.get(path + "?targetId=" + lb.first()).expectProblem(400);
        assertThat(target.json().path("errors").get(0).path("pointer").asString()).isEqualTo("/targetId");
        admin.get(path + "?targetGroupId=" + UUID.randomUUID()).expectProblem(404);
    }

    @Test
    void viewersReadTheMetricsAndOtherTenantsFindNothing() {
        String slug = uniqueSlug("metrics-owner");
        ApiClient owner = signUp(slug);
        Setup lb = setup(owner);
        ApiClient viewer = addUser(owner, "viewer@" + slug + ".example", "VIEWER");
        ApiClient other = signUp(uniqueSlug("metrics-other"));
        Setup others = setup(other);

        assertThat(lb.metrics(viewer, "?window=1h").path("points")).hasSize(60);
        other.get("/api/v1/load-balancers/" + lb.id() + "/metrics").expectProblem(404);
        other.get("/api/v1/load-balancers/" + lb.id() + "/metrics?targetGroupId=" + lb.group()).expectProblem(404);
        other.get("/api/v1/load-balancers/" + others.id() + "/metrics?targetGroupId=" + lb.group()).expectProblem(404);
    }

    private static JsonNode point(JsonNode metrics, Instant start) {
        for (JsonNode point : metrics.path("points")) {
            if (Instant.parse(point.path("startsAt").asString()).equals(start)) {
                return point;
            }
        }
        throw new AssertionError("no point starting at " + start + " in " + metrics);
    }

    /** counts: requests, 1xx…5xx, bytes received, bytes sent, in flight. */
    private static TrafficWindow window(UUID loadBalancerId, @Nullable UUID targetGroupId, @Nullable UUID targetId,
            long[] counts, List<Long> latency) {
        return new TrafficWindow(loadBalancerId, targetGroupId, targetId, counts[0], counts[1], counts[2], counts[3],
                counts[4], counts[5], counts[6], counts[7], counts[8], latency);
    }

    /** {@link LatencyBuckets#COUNT} counts, zero but for the given (bucket, count) pairs. */
    private static List<Long> latency(long... bucketAndCount) {
        List<Long> counts = new ArrayList<>(Collections.nCopies(LatencyBuckets.COUNT, 0L));
        for (int i = 0; i < bucketAndCount.length; i += 2) {
            counts.set((int) bucketAndCount[i], bucketAndCount[i + 1]);
        }
        return counts;
    }

    private static Setup setup(ApiClient admin) {
        UUID id = UUID.fromString(admin.post("/api/v1/load-balancers", "{\"name\":\"web\"}").expectStatus(201).json()
                .path("id").asString());
        UUID group = UUID.fromString(admin.post("/api/v1/load-balancers/" + id + "/target-groups", "{\"name\":\"app\"}")
                .expectStatus(201).json().path("id").asString());
        JsonNode targets = admin.post("/api/v1/load-balancers/" + id + "/target-groups/" + group + "/targets",
                "{\"targets\":[{\"host\":\"10.0.0.1\",\"port\":8080},{\"host\":\"10.0.0.2\",\"port\":8080}]}")
                .expectStatus(200).json().path("items");
        return new Setup(id, group, UUID.fromString(targets.get(0).path("id").asString()),
                UUID.fromString(targets.get(1).path("id").asString()));
    }

    private record Setup(UUID id, UUID group, UUID first, UUID second) {

        JsonNode metrics(ApiClient client, String query) {
            return client.get("/api/v1/load-balancers/" + id + "/metrics" + query).expectStatus(200).json();
        }
    }
}
