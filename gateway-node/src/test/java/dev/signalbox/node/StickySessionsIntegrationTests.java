package dev.signalbox.node;

import static dev.signalbox.node.TestGroups.attributes;
import static dev.signalbox.node.TestGroups.group;
import static dev.signalbox.node.TestGroups.stickyFor;
import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.signalbox.embedded.FreePort;
import dev.signalbox.node.ListenerClient.Reply;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;
import dev.signalbox.protocol.WeightedTargetGroup;

/**
 * Sticky sessions end to end: a node on a real KRaft broker, two real HTTP targets, and clients
 * that keep the cookies the node sets, as browsers do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "signalbox.node.id=node-sticky-it",
        "signalbox.node.listen-address=127.0.0.1",
        "signalbox.node.stickiness.secret=integration-test-secret"})
@DirtiesContext
class StickySessionsIntegrationTests {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);
    private static final Duration VERDICT = Duration.ofSeconds(10);

    private static NodeTestServices services;

    @TempDir
    static Path stateDir;

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
    void aClientWithTheCookieStaysOnItsTargetWhileClientsWithoutOneAreSpread() {
        String host = "sticky.acme.test";
        int port = publishStickyGroup(host, TestGroups.RARELY);

        List<String> withoutCookie = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Reply reply = services.client().get(port, host, "/");
            withoutCookie.add(reply.target());
            assertThat(cookieSet(reply, "SBX-LB")).as("each new client is assigned").isNotNull();
        }
        assertThat(withoutCookie).contains("alpha", "beta");

        Reply first = services.client().get(port, host, "/");
        String setCookie = first.headers().get(HttpHeaders.SET_COOKIE).stream()
                .filter(header -> header.startsWith("SBX-LB=")).findFirst().orElseThrow();
        // attribute names are case-insensitive; Netty spells it HTTPOnly
        assertThat(setCookie).contains("Path=/", "Max-Age=120").containsIgnoringCase("; HttpOnly")
                .doesNotContain("127.0.0.1", String.valueOf(services.alpha().port()),
                        String.valueOf(services.beta().port()));
        String cookie = cookieSet(first, "SBX-LB");
        for (int i = 0; i < 20; i++) {
            Reply reply = services.client().get(port, host, "/", cookie("SBX-LB", cookie));
            assertThat(reply.target()).isEqualTo(first.target());
            assertThat(cookieSet(reply, "SBX-LB")).as("a valid cookie is not replaced").isNull();
        }
    }

    @Test
    void aClientWhoseTargetTurnsUnhealthyIsMovedToAnotherTargetWithANewCookie() {
        String host = "sticky-failover.acme.test";
        int port = publishStickyGroup(host, TestGroups.EVERY_SECOND);
        Reply first = services.client().get(port, host, "/");
        String cookie = cookieSet(first, "SBX-LB");
        String other = first.target().equals("alpha") ? "beta" : "alpha";
        assertThat(services.client().get(port, host, "/", cookie("SBX-LB", cookie)).target()).isEqualTo(first.target());

        (first.target().equals("alpha") ? services.alpha() : services.beta()).healthStatus(503);

        await().atMost(VERDICT).untilAsserted(() ->
                assertThat(services.client().get(port, host, "/", cookie("SBX-LB", cookie)).target()).isEqualTo(other));
        Reply moved = services.client().get(port, host, "/", cookie("SBX-LB", cookie));
        String newCookie = cookieSet(moved, "SBX-LB");
        assertThat(newCookie).isNotNull().isNotEqualTo(cookie);
        for (int i = 0; i < 5; i++) {
            Reply reply = services.client().get(port, host, "/", cookie("SBX-LB", newCookie));
            assertThat(reply.target()).isEqualTo(other);
            assertThat(cookieSet(reply, "SBX-LB")).isNull();
        }
    }

    @Test
    void aClientStaysOnTheGroupItWasDrawnIntoWhileClientsWithoutTheCookieAreDrawnByWeight() {
        String host = "canary.acme.test";
        int port = FreePort.pick();
        var noStickiness = attributes(300, 0, StickinessSnapshot.DISABLED);
        TargetGroupSnapshot stable = group(UUID.randomUUID(), TestGroups.RARELY, noStickiness,
                List.of(target(services.alpha().host(), services.alpha().port())));
        TargetGroupSnapshot canary = group(UUID.randomUUID(), TestGroups.RARELY, noStickiness,
                List.of(target(services.beta().host(), services.beta().port())));
        var split = ActionSnapshot.forward(List.of(new WeightedTargetGroup(stable.id(), 1),
                new WeightedTargetGroup(canary.id(), 1)), 300);
        services.panel().publish(TestGroups.loadBalancer(UUID.randomUUID(), 1, host, port, split,
                List.of(stable, canary)));
        awaitAnswer(port, host);

        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Reply reply = services.client().get(port, host, "/");
            drawn.add(reply.target());
            assertThat(cookieSet(reply, "SBX-LB-TG")).isNotNull();
        }
        assertThat(drawn).as("half and half by weight").contains("alpha", "beta");

        Reply first = services.client().get(port, host, "/");
        assertThat(first.headers().get(HttpHeaders.SET_COOKIE)).anySatisfy(header ->
                assertThat(header).startsWith("SBX-LB-TG=").contains("Max-Age=300", "Path=/")
                        .containsIgnoringCase("; HttpOnly"));
        String cookie = cookieSet(first, "SBX-LB-TG");
        for (int i = 0; i < 20; i++) {
            Reply reply = services.client().get(port, host, "/", cookie("SBX-LB-TG", cookie));
            assertThat(reply.target()).isEqualTo(first.target());
            assertThat(cookieSet(reply, "SBX-LB-TG")).isNull();
        }
    }

    /** One round-robin group of both targets, sticky for 120 s; returns the listener port. */
    private int publishStickyGroup(String host, HealthCheckSnapshot healthCheck) {
        int port = FreePort.pick();
        TargetSnapshot alpha = target(services.alpha().host(), services.alpha().port());
        TargetSnapshot beta = target(services.beta().host(), services.beta().port());
        TargetGroupSnapshot group = group(UUID.randomUUID(), healthCheck, attributes(300, 0, stickyFor(120)),
                List.of(alpha, beta));
        services.panel().publish(TestGroups.loadBalancer(UUID.randomUUID(), 1, host, port,
                ActionSnapshot.forward(group.id()), List.of(group)));
        awaitAnswer(port, host);
        return port;
    }

    private static void awaitAnswer(int port, String host) {
        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(services.client().get(port, host, "/").status()).isEqualTo(200));
    }

    /** The value the response sets for cookie {@code name}, or null when it sets none. */
    private static @Nullable String cookieSet(Reply reply, String name) {
        List<String> headers = reply.headers().get(HttpHeaders.SET_COOKIE);
        if (headers == null) {
            return null;
        }
        return headers.stream()
                .filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1, header.indexOf(';')))
                .findFirst()
                .orElse(null);
    }

    private static HttpHeaders cookie(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, name + "=" + value);
        return headers;
    }
}
