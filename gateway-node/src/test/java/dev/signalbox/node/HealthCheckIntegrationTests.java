package dev.signalbox.node;

import static dev.signalbox.node.TestSnapshots.loadBalancer;
import static dev.signalbox.node.TestSnapshots.target;
import static dev.signalbox.node.TestSnapshots.withHealthCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.signalbox.embedded.FreePort;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.TargetProtocol;

/**
 * Active health checks end to end: a node on a real KRaft broker probes two real HTTP targets every
 * second and routes around the one whose health path fails, and over both when both fail (panic).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "signalbox.node.id=node-health-it",
        "signalbox.node.listen-address=127.0.0.1"})
@DirtiesContext
class HealthCheckIntegrationTests {

    /** Probes every second, two in a row change a state: a verdict within about three seconds. */
    private static final HealthCheckSnapshot EVERY_SECOND =
            new HealthCheckSnapshot(TargetProtocol.HTTP, "/health", null, 1, 1, 2, 2, "200-299");
    private static final Duration VERDICT = Duration.ofSeconds(10);

    private static NodeTestServices services;

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
    void routesAroundAnUnhealthyTargetAndBackWhenItRecovers() {
        String host = "failover.acme.test";
        UUID loadBalancerId = UUID.randomUUID();
        int port = publishGroupOfBothTargets(loadBalancerId, host);

        services.beta().healthStatus(503);

        await().atMost(VERDICT).untilAsserted(() ->
                assertThat(services.client().targetsOf(6, port, host)).containsOnly("alpha"));
        assertThat(targetHealth(loadBalancerId)).contains("\"state\":\"UNHEALTHY\"", "\"reason\":\"Target.ResponseCodeMismatch\"",
                "\"statusCode\":503", "\"panic\":false");

        services.beta().healthStatus(200);

        await().atMost(VERDICT).untilAsserted(() ->
                assertThat(services.client().targetsOf(6, port, host)).contains("alpha", "beta"));
        assertThat(targetHealth(loadBalancerId)).doesNotContain("UNHEALTHY").contains("\"state\":\"HEALTHY\"");
    }

    @Test
    void spreadsOverAllTargetsInPanicWhenNoneIsHealthy() {
        String host = "panic.acme.test";
        UUID loadBalancerId = UUID.randomUUID();
        int port = publishGroupOfBothTargets(loadBalancerId, host);

        services.alpha().healthStatus(500);
        services.beta().healthStatus(500);

        await().atMost(VERDICT).untilAsserted(() -> assertThat(targetHealth(loadBalancerId)).contains("\"panic\":true"));
        assertThat(targetHealth(loadBalancerId)).doesNotContain("\"state\":\"HEALTHY\"", "\"state\":\"INITIAL\"");
        assertThat(services.client().targetsOf(6, port, host)).contains("alpha", "beta");
    }

    private int publishGroupOfBothTargets(UUID loadBalancerId, String host) {
        int port = FreePort.pick();
        services.panel().publish(withHealthCheck(loadBalancer(loadBalancerId, 1, List.of(host), port,
                List.of(target(services.alpha().host(), services.alpha().port()),
                        target(services.beta().host(), services.beta().port()))), EVERY_SECOND));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(services.client().targetsOf(4, port, host)).contains("alpha", "beta"));
        return port;
    }

    /** The node's {@code /actuator/targets/{loadBalancerId}} document, as JSON text. */
    private String targetHealth(UUID loadBalancerId) {
        ListenerClient.Reply reply = services.client().get(adminPort, "localhost", "/actuator/targets/" + loadBalancerId);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }
}
