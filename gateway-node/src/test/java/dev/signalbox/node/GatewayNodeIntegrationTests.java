package dev.signalbox.node;

import static dev.signalbox.node.TestSnapshots.loadBalancer;
import static dev.signalbox.node.TestSnapshots.target;
import static dev.signalbox.node.TestSnapshots.withAlgorithm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.signalbox.embedded.FreePort;
import dev.signalbox.node.ListenerClient.Reply;
import dev.signalbox.node.listener.ListenerPortBinder;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.HashKeyType;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.NodeStatus;

/**
 * A node on a real KRaft broker, routing to two real HTTP targets. Every test uses its own load
 * balancer, host and listener port, so the tests do not depend on each other's config.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "signalbox.node.id=node-it",
        "signalbox.node.heartbeat-interval=500ms",
        "signalbox.node.listen-address=127.0.0.1"})
@DirtiesContext
class GatewayNodeIntegrationTests {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);

    private static NodeTestServices services;

    @TempDir
    static Path stateDir;

    @LocalServerPort
    int adminPort;

    @Autowired
    ListenerPortBinder listeners;

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

    @Test
    void alternatesRequestsBetweenTheTargetsOfTheListenersGroup() {
        int port = FreePort.pick();
        services.panel().publish(loadBalancer(UUID.randomUUID(), 1, List.of("shop.acme.lb.localhost"), port,
                List.of(target(services.alpha().host(), services.alpha().port()), target(services.beta().host(), services.beta().port()))));

        awaitAnswer(port, "shop.acme.lb.localhost");

        List<String> targets = services.client().targetsOf(6, port, "Shop.Acme.LB.localhost:" + port);
        assertThat(targets).isIn(List.of("alpha", "beta", "alpha", "beta", "alpha", "beta"),
                List.of("beta", "alpha", "beta", "alpha", "beta", "alpha"));
    }

    @Test
    void sendsEveryRequestWithTheSameHeaderValueToTheSameTargetOfAConsistentHashGroup() {
        int port = FreePort.pick();
        String host = "sticky.acme.test";
        services.panel().publish(withAlgorithm(loadBalancer(UUID.randomUUID(), 1, List.of(host), port,
                        List.of(target(services.alpha().host(), services.alpha().port()), target(services.beta().host(), services.beta().port()))),
                Algorithm.CONSISTENT_HASH, new HashKeySnapshot(HashKeyType.HEADER, "X-User")));
        awaitAnswer(port, host);

        Map<String, Set<String>> targetsByUser = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (int user = 0; user < 24; user++) {
                HttpHeaders headers = new HttpHeaders();
                headers.add("X-User", "user-" + user);
                targetsByUser.computeIfAbsent("user-" + user, key -> new HashSet<>())
                        .add(services.client().get(port, host, "/", headers).target());
            }
        }

        assertThat(targetsByUser.values()).allSatisfy(targets -> assertThat(targets).hasSize(1));
        // the users are spread: both targets serve some of them
        assertThat(targetsByUser.values().stream().flatMap(Set::stream)).contains("alpha", "beta");
        // a request without the header is still served, round robin
        assertThat(services.client().targetsOf(4, port, host)).containsOnly("alpha", "beta").contains("alpha", "beta");
    }

    @Test
    void forwardsPathQueryAndTheClientsHostHeader() {
        int port = FreePort.pick();
        services.panel().publish(loadBalancer(UUID.randomUUID(), 1, List.of("api.acme.test"), port,
                List.of(target(services.alpha().host(), services.alpha().port()))));
        awaitAnswer(port, "api.acme.test");

        Reply reply = services.client().get(port, "api.acme.test:" + port, "/orders/42?expand=lines&page=2");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("alpha /orders/42?expand=lines&page=2 host=api.acme.test:" + port);
    }

    @Test
    void forwardsClientAddressProtoHostListenerPortAndTheClientsRequestIdButNoHopByHopHeaders() {
        int port = FreePort.pick();
        // no port in the Host header: X-Forwarded-Port must still be the listener port, not 80
        String host = "headers.acme.test";
        services.panel().publish(loadBalancer(UUID.randomUUID(), 1, List.of("headers.acme.test"), port,
                List.of(target(services.alpha().host(), services.alpha().port()))));
        awaitAnswer(port, "headers.acme.test");
        HttpHeaders sent = new HttpHeaders();
        sent.add("X-Forwarded-For", "203.0.113.7");
        sent.add("X-Forwarded-Proto", "https");
        sent.add("X-Forwarded-Host", "spoofed.example");
        sent.add("X-Forwarded-Port", "1");
        sent.add("X-Request-Id", "client-id-42");
        sent.add("X-Custom", "kept");
        sent.add("Keep-Alive", "timeout=5");
        sent.add("Proxy-Authorization", "Basic c2VjcmV0");
        sent.add("Proxy-Connection", "keep-alive");
        sent.add("TE", "trailers");
        sent.add("Trailer", "X-Checksum");

        Reply reply = services.client().get(port, host, "/echo-headers", sent);

        assertThat(reply.status()).isEqualTo(200);
        Map<String, String> received = headerLines(reply.body());
        assertThat(received.get("x-forwarded-for")).matches("203\\.0\\.113\\.7, ?127\\.0\\.0\\.1");
        assertThat(received).containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-host", host)
                .containsEntry("x-forwarded-port", String.valueOf(port))
                .containsEntry("x-request-id", "client-id-42")
                .containsEntry("x-custom", "kept")
                .doesNotContainKeys("keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer",
                        "forwarded");
        assertThat(reply.headers().get("X-Request-Id")).containsExactly("client-id-42");
    }

    @Test
    void replacesAMissingOrInsaneRequestIdWithANewOneTheClientAlsoGets() {
        int port = FreePort.pick();
        services.panel().publish(loadBalancer(UUID.randomUUID(), 1, List.of("ids.acme.test"), port,
                List.of(target(services.beta().host(), services.beta().port()))));
        awaitAnswer(port, "ids.acme.test");
        HttpHeaders tooLong = new HttpHeaders();
        tooLong.add("X-Request-Id", "x".repeat(200));

        Reply withoutId = services.client().get(port, "ids.acme.test", "/echo-headers");
        Reply withInsaneId = services.client().get(port, "ids.acme.test", "/echo-headers", tooLong);
        Reply notFound = services.client().get(port, "elsewhere.acme.test", "/");

        String first = headerLines(withoutId.body()).get("x-request-id");
        String second = headerLines(withInsaneId.body()).get("x-request-id");
        assertThat(first).matches("[0-9a-f]{32}");
        assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
        assertThat(withoutId.headers().getFirst("X-Request-Id")).isEqualTo(first);
        assertThat(withInsaneId.headers().getFirst("X-Request-Id")).isEqualTo(second);
        // the node's own answers carry an id too
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.headers().getFirst("X-Request-Id")).matches("[0-9a-f]{32}");
        // a client without a listener route (the admin port) gets none
        assertThat(services.client().get(adminPort, "localhost", "/actuator/health").headers().containsHeader("X-Request-Id"))
                .isFalse();
    }

    @Test
    void appliesANewerRevisionAndIgnoresAnOlderOne() {
        int port = FreePort.pick();
        UUID id = UUID.randomUUID();
        List<String> hosts = List.of("blog.acme.test");
        services.panel().publish(loadBalancer(id, 1, hosts, port,
                List.of(target(services.alpha().host(), services.alpha().port()), target(services.beta().host(), services.beta().port()))));
        awaitAnswer(port, "blog.acme.test");

        int partition = services.panel().publish(loadBalancer(id, 2, hosts, port, List.of(target(services.beta().host(), services.beta().port()))));
        await().atMost(CONVERGENCE).untilAsserted(() ->
                assertThat(services.client().targetsOf(4, port, "blog.acme.test")).containsOnly("beta"));

        services.panel().publish(loadBalancer(id, 1, hosts, port, List.of(target(services.alpha().host(), services.alpha().port()))));
        // a marker behind the older revision in the same partition: once it routes, the older one was read
        int markerPort = FreePort.pick();
        services.panel().publish(loadBalancer(UUID.randomUUID(), 1, List.of("marker.acme.test"), markerPort,
                List.of(target(services.alpha().host(), services.alpha().port()))), partition);
        awaitAnswer(markerPort, "marker.acme.test");

        assertThat(services.client().targetsOf(4, port, "blog.acme.test")).containsOnly("beta");
    }

    @Test
    void reportsTheAppliedRevisionAndBoundPortOnTheStatusTopic() {
        int port = FreePort.pick();
        UUID id = UUID.randomUUID();
        services.panel().publish(loadBalancer(id, 7, List.of("status.acme.test"), port,
                List.of(target(services.alpha().host(), services.alpha().port()))));

        NodeStatus status = services.panel().awaitStatus(report -> report.nodeId().equals("node-it")
                && report.appliedRevisions().containsKey(id)).orElseThrow();

        assertThat(status.appliedRevisions().get(id).revision()).isEqualTo(7);
        assertThat(status.appliedRevisions().get(id).appliedAt()).isBeforeOrEqualTo(status.sentAt());
        assertThat(status.boundPorts()).contains(port);
        assertThat(status.version()).isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void answersNotFoundForAHostNoLoadBalancerServesOnTheListenerPort() {
        int port = FreePort.pick();
        services.panel().publish(loadBalancer(UUID.randomUUID(), 1, List.of("known.acme.test"), port,
                List.of(target(services.alpha().host(), services.alpha().port()))));
        awaitAnswer(port, "known.acme.test");

        Reply reply = services.client().get(port, "unknown.acme.test", "/");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).contains("No load balancer");
    }

    @Test
    void answersServiceUnavailableWhenTheGroupHasNoTargetTakingTraffic() {
        int port = FreePort.pick();
        services.panel().publish(loadBalancer(UUID.randomUUID(), 1, List.of("empty.acme.test"), port,
                List.of(target(services.alpha().host(), services.alpha().port(), 0))));

        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(services.client().get(port, "empty.acme.test", "/").status()).isEqualTo(503));
    }

    @Test
    void releasesTheListenerPortWhenItsLoadBalancerIsDeleted() {
        int port = FreePort.pick();
        UUID id = UUID.randomUUID();
        services.panel().publish(loadBalancer(id, 1, List.of("gone.acme.test"), port, List.of(target(services.alpha().host(), services.alpha().port()))));
        awaitAnswer(port, "gone.acme.test");

        services.panel().publishDeletion(id);

        await().atMost(CONVERGENCE).until(() -> !listeners.boundPorts().contains(port));
        assertThatThrownBy(() -> services.client().get(port, "gone.acme.test", "/")).hasRootCauseInstanceOf(ConnectException.class);
    }

    @Test
    void reportsAPortItCannotBindAndServesTheOthers() throws Exception {
        int freePort = FreePort.pick();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int takenPort = taken.getLocalPort();
            UUID blocked = UUID.randomUUID();
            services.panel().publish(loadBalancer(blocked, 1, List.of("blocked.acme.test"), takenPort,
                    List.of(target(services.alpha().host(), services.alpha().port()))));
            services.panel().publish(loadBalancer(UUID.randomUUID(), 1, List.of("open.acme.test"), freePort,
                    List.of(target(services.alpha().host(), services.alpha().port()))));

            awaitAnswer(freePort, "open.acme.test");
            await().atMost(CONVERGENCE).until(() -> listeners.failedPorts().containsKey(takenPort));
            assertThat(listeners.boundPorts()).doesNotContain(takenPort);
            assertThat(services.client().get(adminPort, "localhost", "/actuator/health").body())
                    .contains("\"failedPorts\":{\"" + takenPort + "\"");
            NodeStatus status = services.panel().awaitStatus(report -> report.nodeId().equals("node-it")
                    && report.appliedRevisions().containsKey(blocked) && report.boundPorts().contains(freePort))
                    .orElseThrow();
            assertThat(status.boundPorts()).doesNotContain(takenPort);
        }
    }

    @Test
    void skipsAConfigRecordThatIsNotASnapshotAndKeepsReading() {
        int port = FreePort.pick();
        services.panel().publishRaw(UUID.randomUUID().toString(), "{\"schemaVersion\": \"garbage".getBytes(StandardCharsets.UTF_8));
        services.panel().publish(loadBalancer(UUID.randomUUID(), 1, List.of("after-garbage.acme.test"), port,
                List.of(target(services.beta().host(), services.beta().port()))));

        awaitAnswer(port, "after-garbage.acme.test");
        assertThat(services.client().get(port, "after-garbage.acme.test", "/").target()).isEqualTo("beta");
    }

    @Test
    void servesHealthAndMetricsOnTheAdminPortOnly() {
        Reply health = services.client().get(adminPort, "localhost", "/actuator/health");
        Reply prometheus = services.client().get(adminPort, "localhost", "/actuator/prometheus");
        Reply notAListener = services.client().get(adminPort, "shop.acme.lb.localhost", "/");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"listener\"");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        assertThat(notAListener.status()).isEqualTo(404);
    }

    /** The {@code name: value} lines of a {@link TestTarget}'s header echo; the last value of a name wins. */
    private static Map<String, String> headerLines(String body) {
        Map<String, String> headers = new HashMap<>();
        for (String line : body.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return headers;
    }

    private static void awaitAnswer(int port, String host) {
        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(services.client().get(port, host, "/").status()).isEqualTo(200));
    }
}
