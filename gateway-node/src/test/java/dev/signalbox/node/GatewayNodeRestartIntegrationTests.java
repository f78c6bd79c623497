package dev.signalbox.node;

import static dev.signalbox.node.TestSnapshots.loadBalancer;
import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.signalbox.embedded.FreePort;
import dev.signalbox.node.ListenerClient.Reply;
import dev.signalbox.node.routing.ActiveConfig;

/**
 * Nodes that start, stop and lose Kafka, each started as its own application context, so a test
 * can close one and start the next on the same Kafka, as a real restart would.
 */
class GatewayNodeRestartIntegrationTests {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);

    private static NodeTestServices services;

    /** Each node id keeps its stored config here, not in the shared temporary directory. */
    @TempDir
    static Path stateRoot;

    @BeforeAll
    static void startServices() throws Exception {
        services = NodeTestServices.start();
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @Test
    void aRestartedNodeRebuildsItsRoutingFromTheCompactedTopic() {
        int port = FreePort.pick();
        int deletedPort = FreePort.pick();
        UUID shop = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        try (ConfigurableApplicationContext node = startNode("restarting-node")) {
            services.panel().publish(loadBalancer(shop, 1, List.of("shop.acme.test"), port, List.of(target(services.beta().host(), services.beta().port()))));
            services.panel().publish(loadBalancer(shop, 2, List.of("shop.acme.test"), port,
                    List.of(target(services.alpha().host(), services.alpha().port()))));
            services.panel().publish(loadBalancer(deleted, 1, List.of("old.acme.test"), deletedPort,
                    List.of(target(services.alpha().host(), services.alpha().port()))));
            services.panel().publishDeletion(deleted);
            await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                    assertThat(services.client().targetsOf(3, port, "shop.acme.test")).containsOnly("alpha"));
        }
        assertThatThrownBy(() -> services.client().get(port, "shop.acme.test", "/")).hasRootCauseInstanceOf(ConnectException.class);

        try (ConfigurableApplicationContext node = startNode("restarting-node")) {
            await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                    assertThat(services.client().targetsOf(3, port, "shop.acme.test")).containsOnly("alpha"));
            assertThat(node.getBean(ActiveConfig.class).current().appliedRevisions())
                    .doesNotContainKey(deleted)
                    .hasEntrySatisfying(shop, revision -> assertThat(revision.revision()).isEqualTo(2));
            assertThatThrownBy(() -> services.client().get(deletedPort, "old.acme.test", "/"))
                    .hasRootCauseInstanceOf(ConnectException.class);
        }
    }

    @Test
    void keepsServingWhileKafkaIsDownAndCatchesUpWhenItIsBack() {
        int port = FreePort.pick();
        UUID id = UUID.randomUUID();
        try (ConfigurableApplicationContext node = startNode("outage-node")) {
            services.panel().publish(loadBalancer(id, 1, List.of("outage.acme.test"), port,
                    List.of(target(services.alpha().host(), services.alpha().port()))));
            await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                    assertThat(services.client().get(port, "outage.acme.test", "/").target()).isEqualTo("alpha"));

            services.kafka().stop();
            try {
                // long enough for several failed heartbeats and reconnect attempts
                long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
                while (System.nanoTime() < until) {
                    assertThat(services.client().get(port, "outage.acme.test", "/").target()).isEqualTo("alpha");
                }
                assertThat(node.isRunning()).isTrue();
            } finally {
                services.kafka().start();
            }

            services.panel().publish(loadBalancer(id, 2, List.of("outage.acme.test"), port,
                    List.of(target(services.beta().host(), services.beta().port()))));
            await().atMost(CONVERGENCE).untilAsserted(() ->
                    assertThat(services.client().get(port, "outage.acme.test", "/").target()).isEqualTo("beta"));
        }
    }

    @Test
    void aStoppingNodeFinishesItsInFlightRequestAndThenRefusesNewConnections() throws Exception {
        int port = FreePort.pick();
        ConfigurableApplicationContext node = startNode("stopping-node");
        try {
            services.panel().publish(loadBalancer(UUID.randomUUID(), 1, List.of("draining.acme.test"), port,
                    List.of(target(services.alpha().host(), services.alpha().port()))));
            await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                    assertThat(services.client().get(port, "draining.acme.test", "/").status()).isEqualTo(200));
            int slowBefore = services.alpha().slowRequestsStarted();

            CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(
                    () -> services.client().get(port, "draining.acme.test", "/slow"));
            // the target sleeps a second once the request reached it: the node closes mid-request
            await().atMost(Duration.ofSeconds(5)).until(() -> services.alpha().slowRequestsStarted() > slowBefore);
            node.close();

            assertThat(inFlight).isDone();
            Reply reply = inFlight.get(1, TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).startsWith("alpha /slow");
            assertThatThrownBy(() -> services.client().get(port, "draining.acme.test", "/"))
                    .hasRootCauseInstanceOf(ConnectException.class);
        } finally {
            node.close();
        }
    }

    private static ConfigurableApplicationContext startNode(String nodeId) {
        return new SpringApplicationBuilder(GatewayNodeApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + services.kafka().bootstrapServers(),
                "--signalbox.node.id=" + nodeId,
                "--signalbox.node.heartbeat-interval=500ms",
                "--signalbox.node.listen-address=127.0.0.1",
                "--signalbox.node.state-dir=" + stateRoot.resolve(nodeId));
    }
}
