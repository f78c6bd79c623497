package dev.signalbox.node;

import static dev.signalbox.node.TestSnapshots.target;
import static dev.signalbox.node.TestSnapshots.withHealthCheck;
import static dev.signalbox.node.TestSnapshots.withListeners;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.signalbox.embedded.FreePort;
import dev.signalbox.node.listener.ListenerPortBinder;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.NodeStatus;
import dev.signalbox.protocol.TargetProtocol;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * TCP listeners end to end: a node on a real KRaft broker proxies connections to two real TCP echo
 * targets. Every test uses its own load balancer and listener port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "signalbox.node.id=node-tcp-it",
        "signalbox.node.heartbeat-interval=500ms",
        "signalbox.node.listen-address=127.0.0.1"})
@DirtiesContext
class TcpListenerIntegrationTests {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);
    /** Probes rarely: no target's health changes while a test runs. */
    private static final HealthCheckSnapshot RARE_TCP_CHECK =
            new HealthCheckSnapshot(TargetProtocol.TCP, "/", null, 30, 5, 3, 3, "200");
    /**
     * Probes every second; two failures make a target unhealthy, but ten successes are needed to
     * make it healthy again, which leaves a test seconds with a listening yet unhealthy target.
     */
    private static final HealthCheckSnapshot SLOW_TO_RECOVER_TCP_CHECK =
            new HealthCheckSnapshot(TargetProtocol.TCP, "/", null, 1, 1, 10, 2, "200");

    private static NodeTestServices services;
    private static TcpEchoTarget alpha;
    private static TcpEchoTarget beta;

    @TempDir
    static Path stateDir;

    @LocalServerPort
    int adminPort;

    @Autowired
    ListenerPortBinder listeners;

    @BeforeAll
    static void startServices() throws Exception {
        services = NodeTestServices.start();
        alpha = TcpEchoTarget.start("alpha");
        beta = TcpEchoTarget.start("beta");
    }

    @AfterAll
    static void stopServices() {
        alpha.close();
        beta.close();
        services.close();
    }

    @DynamicPropertySource
    static void kafkaProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> services.kafka().bootstrapServers());
        registry.add("signalbox.node.state-dir", () -> stateDir.toString());
    }

    @Test
    void relaysBytesBothWaysExactlyAndPassesOnHalfCloses() {
        int port = FreePort.pick();
        publish(UUID.randomUUID(), 1, port, List.of(targetOf(alpha)));
        awaitTarget(port, "alpha");
        byte[] payload = new byte[8 * 1024 * 1024];
        new Random(42).nextBytes(payload);

        try (EchoConnection small = EchoConnection.open(port); EchoConnection large = EchoConnection.open(port)) {
            assertThat(small.greeting()).isEqualTo("alpha");
            assertThat(small.echo("hello through the node")).isEqualTo("hello through the node");

            assertThat(large.greeting()).isEqualTo("alpha");
            // the echo ends only because the client's FIN reached the target and the target's FIN came back
            byte[] echoed = large.sendAndHalfClose(payload);
            assertThat(echoed.length).isEqualTo(payload.length);
            assertThat(echoed).isEqualTo(payload);
        }
    }

    @Test
    void stopsReadingFromTheClientWhileItsEchoCannotBeDelivered() {
        int port = FreePort.pick();
        publish(UUID.randomUUID(), 1, port, List.of(targetOf(alpha)));
        awaitTarget(port, "alpha");
        long total = 256L * 1024 * 1024;
        AtomicLong written = new AtomicLong();

        try (EchoConnection connection = EchoConnection.open(port)) {
            // the client never reads: the target blocks on echoing, stops reading, and the node must
            // stop reading too instead of buffering the rest; socket buffers take a few megabytes
            CompletableFuture<Void> writing = connection.writeWithoutReading(total, written);

            assertThatThrownBy(() -> writing.get(3, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(written.get()).isPositive().isLessThan(64L * 1024 * 1024);
        }
    }

    @Test
    void spreadsConnectionsOverBothTargetsRoundRobin() {
        int port = FreePort.pick();
        publish(UUID.randomUUID(), 1, port, List.of(targetOf(alpha), targetOf(beta)));
        awaitTarget(port, "alpha");

        List<String> targets = targetsOf(6, port);

        assertThat(targets).isIn(List.of("alpha", "beta", "alpha", "beta", "alpha", "beta"),
                List.of("beta", "alpha", "beta", "alpha", "beta", "alpha"));
    }

    @Test
    void triesAnotherTargetWhenOneRefusesTheConnection() {
        int port = FreePort.pick();
        int refusing = FreePort.pick();
        publish(UUID.randomUUID(), 1, port, List.of(target("127.0.0.1", refusing), targetOf(alpha)));
        awaitTarget(port, "alpha");

        // round robin offers the refusing target first to every other connection
        assertThat(targetsOf(6, port)).containsOnly("alpha").hasSize(6);
    }

    @Test
    void sendsNoNewConnectionToATargetItsTcpHealthCheckFindsDown() {
        int port = FreePort.pick();
        UUID loadBalancerId = UUID.randomUUID();
        services.panel().publish(withHealthCheck(tcpLoadBalancer(loadBalancerId, 1, port,
                List.of(targetOf(alpha), targetOf(beta))), SLOW_TO_RECOVER_TCP_CHECK));
        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(targetsOf(4, port)).contains("alpha", "beta"));

        beta.stopListening();
        try {
            await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(targetHealth(loadBalancerId))
                    .contains("\"state\":\"UNHEALTHY\"", "\"reason\":\"Target.FailedHealthChecks\""));
        } finally {
            // beta takes connections again, but stays unhealthy until ten probes in a row succeed
            beta.listenAgain();
        }

        assertThat(targetsOf(6, port)).containsOnly("alpha");
        assertThat(targetHealth(loadBalancerId)).contains("\"state\":\"UNHEALTHY\"");
    }

    @Test
    void releasesThePortWhenTheListenerIsRemovedAndBindsItAgainWhenItIsBack() {
        int port = FreePort.pick();
        UUID id = UUID.randomUUID();
        publish(id, 1, port, List.of(targetOf(alpha)));
        awaitTarget(port, "alpha");
        assertThat(services.panel().awaitStatus(status -> status.nodeId().equals("node-tcp-it")
                && status.boundPorts().contains(port))).isPresent();

        services.panel().publish(withListeners(id, 2, List.of("tcp.acme.test"), List.of(), ListenerProtocol.TCP,
                List.of(targetOf(alpha))));
        await().atMost(CONVERGENCE).until(() -> !listeners.boundPorts().contains(port));
        assertThatThrownBy(() -> EchoConnection.open(port)).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(ConnectException.class);

        publish(id, 3, port, List.of(targetOf(beta)));
        awaitTarget(port, "beta");
        NodeStatus status = services.panel().awaitStatus(report -> report.nodeId().equals("node-tcp-it")
                && report.appliedRevisions().containsKey(id) && report.appliedRevisions().get(id).revision() == 3)
                .orElseThrow();
        assertThat(status.boundPorts()).contains(port);
    }

    @Test
    void keepsAnOpenConnectionOnItsTargetWhenTheGroupChanges() {
        int port = FreePort.pick();
        UUID id = UUID.randomUUID();
        publish(id, 1, port, List.of(targetOf(alpha)));
        awaitTarget(port, "alpha");

        try (EchoConnection open = EchoConnection.open(port)) {
            assertThat(open.greeting()).isEqualTo("alpha");

            publish(id, 2, port, List.of(targetOf(beta)));
            awaitTarget(port, "beta");

            assertThat(open.echo("still on alpha")).isEqualTo("still on alpha");
        }
    }

    @Test
    void reportsATcpPortInUseAndServesTheOthers() throws Exception {
        int freePort = FreePort.pick();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int takenPort = taken.getLocalPort();
            publish(UUID.randomUUID(), 1, takenPort, List.of(targetOf(alpha)));
            publish(UUID.randomUUID(), 1, freePort, List.of(targetOf(alpha)));

            awaitTarget(freePort, "alpha");
            await().atMost(CONVERGENCE).until(() -> listeners.failedPorts().containsKey(takenPort));
            assertThat(listeners.boundPorts()).contains(freePort).doesNotContain(takenPort);
            assertThat(services.client().get(adminPort, "localhost", "/actuator/health").body())
                    .contains("\"failedPorts\":{\"" + takenPort + "\"");
        }
    }

    private static LoadBalancerSnapshot tcpLoadBalancer(UUID id, long revision, int port, List<TargetSnapshot> targets) {
        return withListeners(id, revision, List.of("tcp.acme.test"), List.of(port), ListenerProtocol.TCP, targets);
    }

    private static void publish(UUID id, long revision, int port, List<TargetSnapshot> targets) {
        services.panel().publish(withHealthCheck(tcpLoadBalancer(id, revision, port, targets), RARE_TCP_CHECK));
    }

    private static TargetSnapshot targetOf(TcpEchoTarget echo) {
        return target(echo.host(), echo.port());
    }

    private static void awaitTarget(int port, String name) {
        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(EchoConnection.targetOf(port)).isEqualTo(name));
    }

    private static List<String> targetsOf(int count, int port) {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            targets.add(EchoConnection.targetOf(port));
        }
        return targets;
    }

    /** The node's {@code /actuator/targets/{loadBalancerId}} document, as JSON text. */
    private String targetHealth(UUID loadBalancerId) {
        ListenerClient.Reply reply = services.client().get(adminPort, "localhost", "/actuator/targets/" + loadBalancerId);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }
}
