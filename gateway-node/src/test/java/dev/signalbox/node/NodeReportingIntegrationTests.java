package dev.signalbox.node;

import static dev.signalbox.node.TestSnapshots.target;
import static dev.signalbox.node.TestSnapshots.withHealthCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import dev.signalbox.embedded.FreePort;
import dev.signalbox.node.ListenerClient.Reply;
import dev.signalbox.node.WindowTotals.Totals;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ConditionSnapshot;
import dev.signalbox.protocol.FixedResponseSnapshot;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.MetricsReport;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.RuleSnapshot;
import dev.signalbox.protocol.TargetHealthReport;
import dev.signalbox.protocol.TargetHealthState;
import dev.signalbox.protocol.TargetHealthStatus;
import dev.signalbox.protocol.TargetProtocol;
import dev.signalbox.protocol.TargetSnapshot;
import dev.signalbox.protocol.Topics;
import dev.signalbox.protocol.TrafficWindow;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * What a node reports, end to end: a node on a real KRaft broker in front of two real HTTP targets
 * sends metrics windows and target health reports that a plain consumer reads back, and serves its
 * Prometheus meters on the admin port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "signalbox.node.id=" + NodeReportingIntegrationTests.NODE,
        "signalbox.node.listen-address=127.0.0.1",
        // longer than any test: health reports seen here were sent because something changed
        "signalbox.node.target-health-refresh=60s",
        "signalbox.node.metrics-interval=500ms"})
@DirtiesContext
class NodeReportingIntegrationTests {

    static final String NODE = "node-report-it";
    private static final Duration REPORTED = Duration.ofSeconds(20);
    private static final String FIXED_BODY = "nothing here\n";

    private static NodeTestServices services;
    private static final ProtocolCodec codec = new ProtocolCodec();

    @TempDir
    static Path stateDir;

    @LocalServerPort
    int adminPort;

    @BeforeAll
    static void startServices() throws Exception {
        services = NodeTestServices.start();
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @DynamicPropertySource
    static void kafkaProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> services.kafka().bootstrapServers());
        registry.add("signalbox.node.state-dir", () -> stateDir.toString());
    }

    @AfterEach
    void healTargets() {
        services.alpha().healthStatus(200);
        services.beta().healthStatus(200);
    }

    @Test
    void reportsEveryRequestPerLoadBalancerGroupAndTargetByStatusClass() {
        String host = "metrics.acme.test";
        LoadBalancerSnapshot snapshot = publishAndAwait(host);
        UUID loadBalancerId = snapshot.id();
        UUID groupId = snapshot.targetGroups().get(0).id();
        int port = snapshot.listeners().get(0).port();
        services.alpha().healthStatus(500);
        services.beta().healthStatus(500);

        List<Reply> forwarded = new ArrayList<>();
        List<Reply> answeredByNode = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            forwarded.add(services.client().get(port, host, "/"));
        }
        for (int i = 0; i < 2; i++) {
            forwarded.add(post(port, host, "/orders", "twelve bytes"));
        }
        for (int i = 0; i < 2; i++) {
            forwarded.add(services.client().get(port, host, "/health"));
        }
        for (int i = 0; i < 4; i++) {
            answeredByNode.add(services.client().get(port, host, "/fixed"));
        }
        assertThat(forwarded).extracting(Reply::status).containsOnly(200, 500);
        assertThat(answeredByNode).extracting(Reply::status).containsOnly(404);
        long forwardedBytes = bodyBytes(forwarded);
        long alphaRequests = forwarded.stream().filter(reply -> reply.target().equals("alpha")).count();

        try (var metrics = new ReportTopicReader<>(services.kafka(), Topics.NODE_METRICS, codec::decodeMetricsReport)) {
            WindowTotals totals = new WindowTotals(loadBalancerId);
            await().atMost(REPORTED).untilAsserted(() -> {
                totals.add(fromThisNode(metrics.poll()));
                assertThat(totals.loadBalancer())
                        .isEqualTo(new Totals(18, 0, 12, 0, 4, 2, 24, forwardedBytes + bodyBytes(answeredByNode), 18));
                assertThat(totals.group(groupId)).isEqualTo(new Totals(14, 0, 12, 0, 0, 2, 24, forwardedBytes, 14));
                assertThat(totals.target(groupId, targetId(snapshot, services.alpha())).requests())
                        .isEqualTo(alphaRequests);
                assertThat(totals.target(groupId, targetId(snapshot, services.beta())).requests())
                        .isEqualTo(14 - alphaRequests);
            });
            assertThat(alphaRequests).as("round robin over both").isBetween(1L, 13L);
            assertThat(totals.subjects()).as("the load balancer's, the group's and two targets' windows").isEqualTo(4);
        }
    }

    @Test
    void reportsARequestInFlightAtTheEndOfAWindow() throws Exception {
        String host = "in-flight.acme.test";
        LoadBalancerSnapshot snapshot = publishAndAwait(host);
        int port = snapshot.listeners().get(0).port();

        try (var metrics = new ReportTopicReader<>(services.kafka(), Topics.NODE_METRICS, codec::decodeMetricsReport)) {
            // a second to answer, two windows of half a second each
            CompletableFuture<Reply> slow = CompletableFuture.supplyAsync(() -> services.client().get(port, host, "/slow"));
            List<TrafficWindow> windows = new ArrayList<>();
            await().atMost(REPORTED).untilAsserted(() -> {
                metrics.poll().forEach(report -> windows.addAll(report.windows()));
                assertThat(windows).anySatisfy(window -> {
                    assertThat(window.loadBalancerId()).isEqualTo(snapshot.id());
                    assertThat(window.targetId()).isNotNull();
                    assertThat(window.inFlight()).isEqualTo(1);
                    assertThat(window.requests()).isZero();
                });
                assertThat(windows).anySatisfy(window -> {
                    assertThat(window.loadBalancerId()).isEqualTo(snapshot.id());
                    assertThat(window.targetId()).isNotNull();
                    assertThat(window.requests()).isEqualTo(1);
                    assertThat(window.inFlight()).isZero();
                    // a second to the response: the bucket of at most 2.5 s
                    assertThat(window.latencyCounts().get(10)).isEqualTo(1);
                });
            });
            assertThat(slow.get().status()).isEqualTo(200);
        }
    }

    @Test
    void reportsATargetFailingItsHealthCheckWithinSeconds() {
        String host = "health-report.acme.test";
        var everySecond = new HealthCheckSnapshot(TargetProtocol.HTTP, "/health", null, 1, 1, 2, 2, "200-299");
        LoadBalancerSnapshot snapshot = publishAndAwait(host, everySecond);
        UUID betaId = targetId(snapshot, services.beta());

        try (var health = new ReportTopicReader<>(services.kafka(), Topics.TARGET_HEALTH,
                codec::decodeTargetHealthReport)) {
            awaitStatus(health, snapshot, betaId, TargetHealthState.HEALTHY, Duration.ofSeconds(20));
            services.beta().healthStatus(503);
            Instant failedAt = Instant.now();

            TargetHealthStatus unhealthy = awaitStatus(health, snapshot, betaId, TargetHealthState.UNHEALTHY,
                    Duration.ofSeconds(10));

            assertThat(unhealthy.reason()).isEqualTo("Target.ResponseCodeMismatch");
            assertThat(unhealthy.targetGroupId()).isEqualTo(snapshot.targetGroups().get(0).id());
            assertThat(unhealthy.host()).isEqualTo(services.beta().host());
            assertThat(unhealthy.port()).isEqualTo(services.beta().port());
            assertThat(unhealthy.since()).isAfter(failedAt);
            assertThat(unhealthy.ejectedUntil()).isNull();
            assertThat(unhealthy.lastProbes()).isNotEmpty();
            assertThat(unhealthy.lastProbes().get(unhealthy.lastProbes().size() - 1)).satisfies(probe -> {
                assertThat(probe.success()).isFalse();
                assertThat(probe.statusCode()).isEqualTo(503);
                assertThat(probe.reason()).isEqualTo("Target.ResponseCodeMismatch");
            });
        }
    }

    @Test
    void aStateChangeIsReportedWithTheGroupThatChangedOnly() {
        var httpCheck = new HealthCheckSnapshot(TargetProtocol.HTTP, "/health", null, 1, 1, 2, 2, "200-299");
        var tcpCheck = new HealthCheckSnapshot(TargetProtocol.TCP, "/", null, 1, 1, 2, 2, "200-299");
        LoadBalancerSnapshot checkedByHttp = publishAndAwait("partial-http.acme.test", httpCheck);
        LoadBalancerSnapshot checkedByTcp = publishAndAwait("partial-tcp.acme.test", tcpCheck);
        UUID changingGroup = checkedByHttp.targetGroups().get(0).id();
        UUID steadyGroup = checkedByTcp.targetGroups().get(0).id();

        try (var health = new ReportTopicReader<>(services.kafka(), Topics.TARGET_HEALTH,
                codec::decodeTargetHealthReport)) {
            awaitStatus(health, checkedByHttp, targetId(checkedByHttp, services.alpha()), TargetHealthState.HEALTHY,
                    Duration.ofSeconds(20));
            awaitStatus(health, checkedByTcp, targetId(checkedByTcp, services.alpha()), TargetHealthState.HEALTHY,
                    Duration.ofSeconds(20));
            services.alpha().healthStatus(503);
            try {
                List<TargetHealthReport> changes = new ArrayList<>();
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    // other tests' load balancers check alpha too: the report of this group's change
                    health.poll().stream()
                            .filter(report -> report.nodeId().equals(NODE) && report.targets().stream()
                                    .anyMatch(status -> status.targetGroupId().equals(changingGroup)
                                            && status.state() == TargetHealthState.UNHEALTHY))
                            .forEach(changes::add);
                    return !changes.isEmpty();
                });

                TargetHealthReport change = changes.get(0);
                assertThat(change.partial()).isTrue();
                assertThat(change.targets()).extracting(TargetHealthStatus::targetGroupId)
                        .contains(changingGroup)
                        .doesNotContain(steadyGroup);
                assertThat(change.targets()).filteredOn(status -> status.targetGroupId().equals(changingGroup))
                        .as("a changed group goes out whole").hasSize(2);
            } finally {
                services.alpha().healthStatus(200);
            }
        }
    }

    @Test
    void reportsAGroupInPanicModeOnceNoneOfItsTargetsIsHealthy() {
        var everySecond = new HealthCheckSnapshot(TargetProtocol.HTTP, "/health", null, 1, 1, 2, 2, "200-299");
        LoadBalancerSnapshot snapshot = publishAndAwait("panic-report.acme.test", everySecond);
        UUID groupId = snapshot.targetGroups().get(0).id();

        try (var health = new ReportTopicReader<>(services.kafka(), Topics.TARGET_HEALTH,
                codec::decodeTargetHealthReport)) {
            awaitStatus(health, snapshot, targetId(snapshot, services.alpha()), TargetHealthState.HEALTHY,
                    Duration.ofSeconds(20));
            services.alpha().healthStatus(503);
            services.beta().healthStatus(503);

            await().atMost(Duration.ofSeconds(10)).until(() -> health.poll().stream()
                    .anyMatch(report -> report.nodeId().equals(NODE) && report.panicGroups().contains(groupId)));
            services.alpha().healthStatus(200);
            services.beta().healthStatus(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> health.poll().stream()
                    .anyMatch(report -> report.nodeId().equals(NODE) && !report.panicGroups().contains(groupId)
                            && report.targets().stream().anyMatch(status -> status.targetGroupId().equals(groupId)
                                    && status.state() == TargetHealthState.HEALTHY)));
        }
    }

    @Test
    void servesRequestCountersPerLoadBalancerGroupAndStatusClassOnTheAdminPort() {
        String host = "prometheus.acme.test";
        LoadBalancerSnapshot snapshot = publishAndAwait(host);
        String loadBalancerId = snapshot.id().toString();
        String groupId = snapshot.targetGroups().get(0).id().toString();
        int port = snapshot.listeners().get(0).port();

        for (int i = 0; i < 3; i++) {
            assertThat(services.client().get(port, host, "/").status()).isEqualTo(200);
        }
        assertThat(services.client().get(port, host, "/fixed").status()).isEqualTo(404);

        await().atMost(REPORTED).untilAsserted(() -> {
            PrometheusScrape scrape = scrape();
            assertThat(scrape.value("signalbox_requests_total", "load_balancer", loadBalancerId,
                    "target_group", groupId, "status_class", "2xx")).isEqualTo(3.0);
            assertThat(scrape.value("signalbox_requests_total", "load_balancer", loadBalancerId,
                    "target_group", "", "status_class", "4xx")).isEqualTo(1.0);
            assertThat(scrape.value("signalbox_request_duration_seconds_count", "load_balancer", loadBalancerId))
                    .isEqualTo(4.0);
            assertThat(scrape.value("signalbox_requests_in_flight", "load_balancer", loadBalancerId)).isZero();
            assertThat(scrape.value("signalbox_config_revision", "load_balancer", loadBalancerId)).isEqualTo(1.0);
            assertThat(scrape.value("signalbox_target_health", "target_group", groupId, "target",
                    targetId(snapshot, services.alpha()).toString(), "state", "initial")).isEqualTo(1.0);
            assertThat(scrape.value("signalbox_target_health", "target_group", groupId, "target",
                    targetId(snapshot, services.alpha()).toString(), "state", "unhealthy")).isZero();
            // the first round of probes, within a tenth of the 30 s interval: both targets answer 200
            assertThat(scrape.value("signalbox_health_probes_total", "load_balancer", loadBalancerId,
                    "outcome", "success")).isEqualTo(2.0);
            assertThat(scrape.value("signalbox_config_load_balancers")).isPositive();
        });

        services.panel().publishDeletion(snapshot.id());

        await().atMost(REPORTED).untilAsserted(() -> assertThat(scrape().text()).doesNotContain(loadBalancerId));
    }

    @Test
    void reportsAProxiedTcpConnectionWithItsBytesInTheTargetsWindow() {
        try (TcpEchoTarget echo = TcpEchoTarget.start("echo")) {
            int port = FreePort.pick();
            LoadBalancerSnapshot snapshot = TestSnapshots.withListeners(UUID.randomUUID(), 1, List.of("tcp.acme.test"),
                    List.of(port), ListenerProtocol.TCP, List.of(target(echo.host(), echo.port())));
            services.panel().publish(snapshot);
            assertThat(services.panel().awaitStatus(status -> status.nodeId().equals(NODE)
                    && status.boundPorts().contains(port))).isPresent();
            UUID groupId = snapshot.targetGroups().get(0).id();
            UUID targetId = snapshot.targetGroups().get(0).targets().get(0).id();

            try (EchoConnection connection = EchoConnection.open(port)) {
                assertThat(connection.greeting()).isEqualTo("echo");
                assertThat(connection.echo("twelve bytes")).isEqualTo("twelve bytes");
            }

            // greeting "echo\n" (5 bytes) and the echo (12) sent to the client; 12 received from it
            Totals connection = new Totals(1, 0, 0, 0, 0, 0, 12, 17, 1);
            try (var metrics = new ReportTopicReader<>(services.kafka(), Topics.NODE_METRICS, codec::decodeMetricsReport)) {
                WindowTotals totals = new WindowTotals(snapshot.id());
                await().atMost(REPORTED).untilAsserted(() -> {
                    totals.add(fromThisNode(metrics.poll()));
                    assertThat(totals.loadBalancer()).isEqualTo(connection);
                    assertThat(totals.group(groupId)).isEqualTo(connection);
                    assertThat(totals.target(groupId, targetId)).isEqualTo(connection);
                });
            }
        }
    }

    private LoadBalancerSnapshot publishAndAwait(String host) {
        return publishAndAwait(host, null);
    }

    /** Publishes a load balancer over both targets, with a fixed 404 under /fixed, and waits until the node serves it. */
    private LoadBalancerSnapshot publishAndAwait(String host, @Nullable HealthCheckSnapshot healthCheck) {
        int port = FreePort.pick();
        LoadBalancerSnapshot plain = TestSnapshots.loadBalancer(UUID.randomUUID(), 1, List.of(host), port,
                List.of(target(services.alpha().host(), services.alpha().port()),
                        target(services.beta().host(), services.beta().port())));
        LoadBalancerSnapshot snapshot = withFixedResponse(healthCheck == null ? plain : withHealthCheck(plain, healthCheck));
        services.panel().publish(snapshot);
        // served and bound, without a request that would count
        assertThat(services.panel().awaitStatus(status -> status.nodeId().equals(NODE)
                && status.appliedRevisions().containsKey(snapshot.id()) && status.boundPorts().contains(port)))
                .isPresent();
        return snapshot;
    }

    private static LoadBalancerSnapshot withFixedResponse(LoadBalancerSnapshot snapshot) {
        ListenerSnapshot listener = snapshot.listeners().get(0);
        var fixed = new RuleSnapshot(UUID.randomUUID(), 1,
                List.of(new ConditionSnapshot("path-pattern", null, List.of("/fixed"))),
                ActionSnapshot.fixedResponse(new FixedResponseSnapshot(404, "text/plain", FIXED_BODY)));
        var withRule = new ListenerSnapshot(listener.id(), listener.protocol(), listener.port(),
                listener.defaultAction(), List.of(fixed));
        return new LoadBalancerSnapshot(snapshot.schemaVersion(), snapshot.id(), snapshot.tenantId(), snapshot.name(),
                snapshot.revision(), snapshot.hostNames(), List.of(withRule), snapshot.targetGroups(),
                snapshot.createdAt(), snapshot.tags());
    }

    private static TargetHealthStatus awaitStatus(ReportTopicReader<TargetHealthReport> health,
            LoadBalancerSnapshot snapshot, UUID targetId, TargetHealthState state, Duration within) {
        List<TargetHealthStatus> seen = new ArrayList<>();
        await().atMost(within).until(() -> {
            for (TargetHealthReport report : health.poll()) {
                if (report.nodeId().equals(NODE)) {
                    report.targets().stream()
                            .filter(status -> status.loadBalancerId().equals(snapshot.id())
                                    && status.targetId().equals(targetId) && status.state() == state)
                            .forEach(seen::add);
                }
            }
            return !seen.isEmpty();
        });
        return seen.get(0);
    }

    private static UUID targetId(LoadBalancerSnapshot snapshot, TestTarget target) {
        return snapshot.targetGroups().get(0).targets().stream()
                .filter(candidate -> candidate.port() == target.port())
                .map(TargetSnapshot::id)
                .findFirst()
                .orElseThrow();
    }

    private PrometheusScrape scrape() {
        Reply reply = services.client().get(adminPort, "localhost", "/actuator/prometheus");
        assertThat(reply.status()).isEqualTo(200);
        return new PrometheusScrape(reply.body());
    }

    private static Reply post(int port, String host, String path, String body) {
        LoopResources loops = LoopResources.create("post-client", 1, true);
        ConnectionProvider connections = ConnectionProvider.newConnection();
        try {
            WebClient client = WebClient.builder()
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections).runOn(loops)))
                    .build();
            return client.post()
                    .uri("http://127.0.0.1:" + port + path)
                    .header(HttpHeaders.HOST, host)
                    .bodyValue(body)
                    .exchangeToMono(response -> response.bodyToMono(String.class)
                            .defaultIfEmpty("")
                            .map(text -> new Reply(response.statusCode().value(), response.headers().asHttpHeaders(),
                                    text)))
                    .block(Duration.ofSeconds(10));
        } finally {
            connections.disposeLater().block(Duration.ofSeconds(5));
            loops.disposeLater().block(Duration.ofSeconds(5));
        }
    }

    private static long bodyBytes(List<Reply> replies) {
        return replies.stream().mapToLong(reply -> reply.body().getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private static List<MetricsReport> fromThisNode(List<MetricsReport> reports) {
        assertThat(reports).allSatisfy(report -> {
            assertThat(report.nodeId()).isEqualTo(NODE);
            assertThat(report.windowEnd()).isAfter(report.windowStart());
        });
        return reports;
    }
}
