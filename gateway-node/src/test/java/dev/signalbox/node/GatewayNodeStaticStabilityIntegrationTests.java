package dev.signalbox.node;

import static dev.signalbox.node.TestSnapshots.loadBalancer;
import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.signalbox.embedded.FreePort;
import dev.signalbox.node.ListenerClient.Reply;
import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.state.SnapshotStore;
import dev.signalbox.protocol.ProtocolCodec;

/**
 * Static stability: a node restarted while Kafka is down serves the config it stored on disk, says
 * it is ready, and takes newer revisions once Kafka is back.
 */
class GatewayNodeStaticStabilityIntegrationTests {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);

    private static NodeTestServices services;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startServices() throws Exception {
        services = NodeTestServices.start();
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @Test
    void aNodeRestartedWhileKafkaIsDownServesItsStoredConfigAndTakesNewerRevisionsLater() {
        int port = FreePort.pick();
        int deletedPort = FreePort.pick();
        UUID shop = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        try (ConfigurableApplicationContext node = startNode()) {
            services.panel().publish(loadBalancer(shop, 1, List.of("shop.acme.test"), port, List.of(target(services.alpha().host(), services.alpha().port()))));
            services.panel().publish(loadBalancer(deleted, 1, List.of("old.acme.test"), deletedPort,
                    List.of(target(services.alpha().host(), services.alpha().port()))));
            await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() -> {
                assertThat(services.client().get(port, "shop.acme.test", "/").target()).isEqualTo("alpha");
                assertThat(services.client().get(deletedPort, "old.acme.test", "/").target()).isEqualTo("alpha");
            });
            services.panel().publishDeletion(deleted);
            await().atMost(CONVERGENCE).untilAsserted(() ->
                    assertThat(node.getBean(ActiveConfig.class).current().appliedRevisions()).doesNotContainKey(deleted));
            assertThat(readiness(node).status()).isEqualTo(200);
            // the tombstone reaches the disk too, not only the routing
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stateDir.resolve(deleted + ".json")).doesNotExist());
            assertThat(stateDir.resolve(shop + ".json")).exists();
        }

        services.kafka().stop();
        try {
            long started = System.nanoTime();
            try (ConfigurableApplicationContext node = startNode()) {
                await().atMost(Duration.ofSeconds(3)).ignoreExceptions().untilAsserted(() ->
                        assertThat(services.client().targetsOf(3, port, "shop.acme.test")).containsOnly("alpha"));
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CONVERGENCE);
                assertThat(node.getBean(ActiveConfig.class).current().appliedRevisions()).containsOnlyKeys(shop);
                // ready once the first attempt to reach Kafka has failed: a stored config beats none
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    Reply readiness = readiness(node);
                    assertThat(readiness.status()).isEqualTo(200);
                    assertThat(readiness.body()).contains("\"loadedFromDisk\":1", "\"kafkaUnreachable\":true");
                });
                assertThat(services.client().get(adminPort(node), "localhost", "/actuator/health/liveness").status()).isEqualTo(200);

                services.kafka().start();
                services.panel().publish(loadBalancer(shop, 2, List.of("shop.acme.test"), port, List.of(target(services.beta().host(), services.beta().port()))));
                await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                        assertThat(services.client().targetsOf(3, port, "shop.acme.test")).containsOnly("beta"));
                await().atMost(CONVERGENCE).untilAsserted(() ->
                        assertThat(readiness(node).body()).contains("\"caughtUp\":true"));
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                        assertThat(Files.readString(stateDir.resolve(shop + ".json"))).contains("\"revision\":2"));
            }
        } finally {
            if (!services.kafka().isRunning()) {
                services.kafka().start();
            }
        }
    }

    @Test
    void aNodeWithoutStoredConfigIsNotReadyWhileKafkaIsDown() {
        services.kafka().stop();
        try (ConfigurableApplicationContext node = startNode()) {
            // past the first failed attempt to reach Kafka (5 s metadata timeout)
            long until = System.nanoTime() + Duration.ofSeconds(7).toNanos();
            while (System.nanoTime() < until) {
                assertThat(readiness(node).status()).isEqualTo(503);
                sleep(Duration.ofMillis(500));
            }
            assertThat(readiness(node).body()).contains("\"kafkaUnreachable\":true", "\"loadedFromDisk\":0");
        } finally {
            services.kafka().start();
        }
    }

    @Test
    void aStoredLoadBalancerTheTopicNoLongerHasIsRemovedOnceCaughtUp() {
        // its tombstone was compacted away while the node was down, so only its absence says it is gone
        int port = FreePort.pick();
        UUID gone = UUID.randomUUID();
        new SnapshotStore(stateDir, new ProtocolCodec()).save(loadBalancer(gone, 4, List.of("gone.acme.test"), port,
                List.of(target(services.alpha().host(), services.alpha().port()))));

        try (ConfigurableApplicationContext node = startNode()) {
            await().atMost(CONVERGENCE).untilAsserted(() ->
                    assertThat(readiness(node).body()).contains("\"caughtUp\":true", "\"loadedFromDisk\":1"));
            assertThat(node.getBean(ActiveConfig.class).current().appliedRevisions()).doesNotContainKey(gone);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stateDir.resolve(gone + ".json")).doesNotExist());
        }
    }

    private static Reply readiness(ConfigurableApplicationContext node) {
        return services.client().get(adminPort(node), "localhost", "/actuator/health/readiness");
    }

    private static int adminPort(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ConfigurableApplicationContext startNode() {
        return new SpringApplicationBuilder(GatewayNodeApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + services.kafka().bootstrapServers(),
                "--signalbox.node.id=static-node",
                "--signalbox.node.heartbeat-interval=500ms",
                "--signalbox.node.listen-address=127.0.0.1",
                "--signalbox.node.state-dir=" + stateDir);
    }
}
