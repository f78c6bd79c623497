package dev.signalbox.node;

import static dev.signalbox.node.TestSnapshots.loadBalancer;
import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.signalbox.embedded.FreePort;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * WebSocket upgrades through an HTTP listener: a node on a real KRaft broker proxies a WebSocket
 * session to a real WebSocket target, which answers every text message it receives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "signalbox.node.id=node-websocket-it",
        "signalbox.node.listen-address=127.0.0.1"})
@DirtiesContext
class WebSocketIntegrationTests {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);
    private static final String HOST = "chat.acme.test";

    private static NodeTestServices services;
    private static DisposableServer webSocketTarget;
    private static LoopResources clientLoops;
    private static ConnectionProvider clientConnections;

    @TempDir
    static Path stateDir;

    @BeforeAll
    static void startServices() throws Exception {
        services = NodeTestServices.start();
        // answers each message with what it saw: the message, the Host header and the client's address
        webSocketTarget = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.ws("/chat", (in, out) -> {
                    String seen = " host=" + in.headers().get("Host") + " for=" + in.headers().get("X-Forwarded-For");
                    return out.sendString(in.receive().asString().map(message -> "echo " + message + seen));
                }))
                .bindNow(Duration.ofSeconds(10));
        clientLoops = LoopResources.create("websocket-client", 1, true);
        clientConnections = ConnectionProvider.newConnection();
    }

    @AfterAll
    static void stopServices() {
        clientConnections.disposeLater().block(Duration.ofSeconds(5));
        clientLoops.disposeLater().block(Duration.ofSeconds(5));
        webSocketTarget.disposeNow(Duration.ofSeconds(5));
        services.close();
    }

    @DynamicPropertySource
    static void kafkaProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> services.kafka().bootstrapServers());
        registry.add("signalbox.node.state-dir", () -> stateDir.toString());
    }

    @Test
    void relaysAWebSocketSessionToTheTargetAndBack() {
        int port = FreePort.pick();
        services.panel().publish(loadBalancer(UUID.randomUUID(), 1, List.of(HOST), port,
                List.of(target("127.0.0.1", webSocketTarget.port()))));
        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(services.client().get(port, HOST, "/").status()).isIn(200, 404));

        List<String> replies = chat(port, List.of("hello", "x".repeat(20_000), "bye"));

        assertThat(replies).containsExactly(
                "echo hello host=" + HOST + " for=127.0.0.1",
                "echo " + "x".repeat(20_000) + " host=" + HOST + " for=127.0.0.1",
                "echo bye host=" + HOST + " for=127.0.0.1");
    }

    /** Opens a WebSocket session to the listener, sends {@code messages} and collects as many replies. */
    private static List<String> chat(int port, List<String> messages) {
        return HttpClient.create(clientConnections)
                .runOn(clientLoops)
                .headers(headers -> headers.set("Host", HOST))
                .websocket()
                .uri("ws://127.0.0.1:" + port + "/chat")
                .handle((in, out) -> in.receive().asString()
                        .take(messages.size())
                        .mergeWith(Mono.from(out.sendString(Flux.fromIterable(messages))).then(Mono.<String>empty())))
                .collectList()
                .block(Duration.ofSeconds(10));
    }
}
