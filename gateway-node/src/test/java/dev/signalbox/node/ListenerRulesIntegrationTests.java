package dev.signalbox.node;

import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import dev.signalbox.embedded.FreePort;
import dev.signalbox.node.ListenerClient.Reply;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.ConditionSnapshot;
import dev.signalbox.protocol.FixedResponseSnapshot;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.RedirectSnapshot;
import dev.signalbox.protocol.RuleSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * A node on a real KRaft broker evaluating one listener's rules in front of two real HTTP targets:
 * group A (alpha) is the default, rules send some requests to group B (beta), redirect, or answer
 * themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "signalbox.node.id=node-rules-it",
        "signalbox.node.listen-address=127.0.0.1"})
@DirtiesContext
class ListenerRulesIntegrationTests {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);
    private static final String HOST = "rules.acme.test";

    private static NodeTestServices services;
    private static int port;

    @TempDir
    static Path stateDir;

    @BeforeAll
    static void startServicesAndPublishTheRules() throws Exception {
        services = NodeTestServices.start();
        port = FreePort.pick();
        services.panel().publish(rulesSnapshot(port));
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

    @BeforeEach
    void awaitTheRules() {
        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(services.client().get(port, HOST, "/").status()).isEqualTo(200));
    }

    @Test
    void forwardsApiPathsToGroupBAndEverythingElseToTheDefaultGroupA() {
        assertThat(services.client().get(port, HOST, "/api/orders?page=2").body()).startsWith("beta /api/orders?page=2");
        assertThat(services.client().get(port, HOST, "/shop/api").target()).isEqualTo("alpha");
        assertThat(services.client().get(port, HOST, "/").target()).isEqualTo("alpha");
    }

    @Test
    void forwardsRequestsCarryingTheCanaryHeaderToGroupB() {
        HttpHeaders canary = new HttpHeaders();
        canary.add("x-canary", "ON");
        HttpHeaders other = new HttpHeaders();
        other.add("X-Canary", "off");

        assertThat(services.client().get(port, HOST, "/shop", canary).target()).isEqualTo("beta");
        assertThat(services.client().get(port, HOST, "/shop", other).target()).isEqualTo("alpha");
    }

    @Test
    void redirectsOldPathsWithA301BuiltFromTheRequest() {
        LoopResources loops = LoopResources.create("redirect-client", 1, true);
        ConnectionProvider connections = ConnectionProvider.newConnection();
        try {
            // not following redirects: the test reads the node's own answer
            WebClient noFollow = WebClient.builder()
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections).runOn(loops)))
                    .build();
            var answer = noFollow.get()
                    .uri("http://127.0.0.1:" + port + "/old/page?x=1")
                    .header(HttpHeaders.HOST, HOST)
                    .exchangeToMono(response -> response.toBodilessEntity())
                    .block(Duration.ofSeconds(10));

            assertThat(answer.getStatusCode().value()).isEqualTo(301);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.LOCATION))
                    .isEqualTo("http://" + HOST + ":" + port + "/new/old/page?x=1");
        } finally {
            connections.disposeLater().block(Duration.ofSeconds(5));
            loops.disposeLater().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void answersMaintenanceWithTheFixedResponse() {
        Reply reply = services.client().get(port, HOST, "/maintenance");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("back soon");
    }

    private static LoadBalancerSnapshot rulesSnapshot(int port) {
        var healthCheck = new HealthCheckSnapshot(TargetProtocol.HTTP, "/", null, 30, 5, 3, 3, "200");
        var groupA = new TargetGroupSnapshot(UUID.randomUUID(), "a", TargetProtocol.HTTP, Algorithm.ROUND_ROBIN,
                healthCheck, List.of(target(services.alpha().host(), services.alpha().port())));
        var groupB = new TargetGroupSnapshot(UUID.randomUUID(), "b", TargetProtocol.HTTP, Algorithm.ROUND_ROBIN,
                healthCheck, List.of(target(services.beta().host(), services.beta().port())));
        List<RuleSnapshot> rules = List.of(
                // listed out of priority order on purpose: the node orders them
                rule(40, ActionSnapshot.fixedResponse(new FixedResponseSnapshot(503, "text/plain", "back soon")),
                        new ConditionSnapshot("path-pattern", null, List.of("/maintenance"))),
                rule(10, ActionSnapshot.forward(groupB.id()),
                        new ConditionSnapshot("path-pattern", null, List.of("/api/*"))),
                rule(20, ActionSnapshot.forward(groupB.id()),
                        new ConditionSnapshot("http-header", "X-Canary", List.of("on"))),
                rule(30, ActionSnapshot.redirect(
                                new RedirectSnapshot(301, "#{protocol}", "#{host}", "#{port}", "/new/#{path}", "#{query}")),
                        new ConditionSnapshot("path-pattern", null, List.of("/old/*"))));
        var listener = new ListenerSnapshot(UUID.randomUUID(), ListenerProtocol.HTTP, port,
                ActionSnapshot.forward(groupA.id()), rules);
        return new LoadBalancerSnapshot(LoadBalancerSnapshot.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                "rules", 1, List.of(HOST), List.of(listener), List.of(groupA, groupB),
                Instant.parse("2026-11-27T10:00:00Z"));
    }

    private static RuleSnapshot rule(int priority, ActionSnapshot action, ConditionSnapshot condition) {
        return new RuleSnapshot(UUID.randomUUID(), priority, List.of(condition), action);
    }
}
