package dev.signalbox.node;

import static dev.signalbox.node.TestSnapshots.loadBalancer;
import static dev.signalbox.node.TestSnapshots.target;
import static dev.signalbox.node.TestSnapshots.withAttributes;
import static dev.signalbox.node.TestSnapshots.withHealthCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.signalbox.embedded.FreePort;
import dev.signalbox.node.ListenerClient.Reply;
import dev.signalbox.node.retry.AttemptFailure;
import dev.signalbox.node.routing.AttemptObserver;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetProtocol;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * Targets that fail, end to end on a real KRaft broker: refused and broken connections, targets that
 * answer 500 or never answer, and whole groups that are down. Every test uses its own load balancer,
 * group and listener port; the attempts the node makes are seen through an {@link AttemptObserver}
 * and through the connections the misbehaving targets accept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "signalbox.node.id=node-failing-targets-it",
        "signalbox.node.listen-address=127.0.0.1",
        "signalbox.node.outlier.base-ejection-time=5s",
        "signalbox.node.retry.min-retries-per-second=1"})
@DirtiesContext
class FailingTargetsIntegrationTests {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);
    private static final String REFUSED = "The target refused the connection or could not be reached.\n";

    private static NodeTestServices services;
    private static MisbehavingTarget hangingUp;
    private static MisbehavingTarget otherHangingUp;
    private static MisbehavingTarget silent;

    @TempDir
    static Path stateDir;

    @LocalServerPort
    int adminPort;

    @Autowired
    AttemptRecorder attempts;

    /** Every attempt the node reports, with the port of its target and its outcome: a status or a failure. */
    record Attempt(UUID groupId, int port, String outcome) {
    }

    static class AttemptRecorder implements AttemptObserver {

        final List<Attempt> recorded = new CopyOnWriteArrayList<>();

        @Override
        public void answered(TargetGroupSnapshot group, TargetSnapshot target, int status) {
            recorded.add(new Attempt(group.id(), target.port(), Integer.toString(status)));
        }

        @Override
        public void failed(TargetGroupSnapshot group, TargetSnapshot target, AttemptFailure failure) {
            recorded.add(new Attempt(group.id(), target.port(), failure.name()));
        }

        List<Attempt> of(UUID groupId) {
            return recorded.stream().filter(attempt -> attempt.groupId().equals(groupId)).toList();
        }
    }

    @TestConfiguration
    static class ObservedAttempts {

        @Bean
        AttemptRecorder attemptRecorder() {
            return new AttemptRecorder();
        }
    }

    @BeforeAll
    static void startServices() throws Exception {
        services = NodeTestServices.start();
        hangingUp = MisbehavingTarget.hangingUp();
        otherHangingUp = MisbehavingTarget.hangingUp();
        silent = MisbehavingTarget.silent();
    }

    @AfterAll
    static void stopServices() {
        silent.close();
        otherHangingUp.close();
        hangingUp.close();
        services.close();
    }

    @DynamicPropertySource
    static void kafkaProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> services.kafka().bootstrapServers());
        registry.add("signalbox.node.state-dir", () -> stateDir.toString());
    }

    @AfterEach
    void healTargets() {
        services.beta().answerStatus(200);
    }

    @Test
    void retriesGetsOnARefusingTargetElsewhereAndEjectsItAfterFiveFailures() {
        int refusing = FreePort.pick();
        int port = FreePort.pick();
        LoadBalancerSnapshot snapshot = publish("refusing.acme.test", port,
                List.of(target("127.0.0.1", refusing), alpha()), attributes(0, 5_000, 60));

        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            replies.add(services.client().get(port, "refusing.acme.test", "/"));
        }

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.target()).isEqualTo("alpha");
        });
        // every request met the refusing target first until the fifth failure ejected it, then none did
        assertThat(attempts.of(groupId(snapshot)).stream().filter(attempt -> attempt.port() == refusing))
                .hasSize(5)
                .allSatisfy(attempt -> assertThat(attempt.outcome()).isEqualTo("CONNECT_FAILED"));
        assertThat(targetHealth(snapshot.id())).containsPattern(
                "\"port\":" + refusing + ",\"state\":\"[A-Z]+\",\"reason\":[^,]+,\"since\":\"[^\"]+\",\"ejectedUntil\":\"20");
    }

    @Test
    void ejectsATargetThatAnswers500AndTakesItBackWhenItsEjectionEnds() {
        int port = FreePort.pick();
        String host = "erroring.acme.test";
        LoadBalancerSnapshot snapshot = publish(host, port, List.of(alpha(), beta()), attributes(3, 5_000, 60));
        services.beta().answerStatus(500);

        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            replies.add(services.client().get(port, host, "/"));
        }

        // a 500 is the target's answer, passed on and not retried: beta gave five, then was ejected
        assertThat(replies).filteredOn(reply -> reply.status() == 500)
                .hasSize(5)
                .allSatisfy(reply -> assertThat(reply.target()).isEqualTo("beta"));
        assertThat(services.client().targetsOf(4, port, host)).containsOnly("alpha");
        assertThat(targetHealth(snapshot.id())).contains("\"port\":" + services.beta().port() + ",")
                .containsPattern("\"ejectedUntil\":\"20");

        services.beta().answerStatus(200);

        // the base ejection time is 5 s in this test
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(services.client().targetsOf(4, port, host)).contains("alpha", "beta"));
        assertThat(targetHealth(snapshot.id())).doesNotContainPattern("\"ejectedUntil\":\"20");
    }

    @Test
    void answers504WhenATargetDoesNotAnswerWithinTheGroupsResponseTimeout() {
        int port = FreePort.pick();
        publish("silent.acme.test", port, List.of(target(silent.host(), silent.port())), attributes(5, 5_000, 1));
        int connectionsBefore = silent.connectionsAccepted();

        long start = System.nanoTime();
        Reply reply = services.client().get(port, "silent.acme.test", "/");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.TEXT_PLAIN);
        assertThat(reply.body()).isEqualTo("The target did not answer in time.\n");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        // a response timeout is never retried, however many retries the group allows
        assertThat(silent.connectionsAccepted() - connectionsBefore).isEqualTo(1);
    }

    @Test
    void answers502WhenEveryTargetRefuses() {
        int port = FreePort.pick();
        LoadBalancerSnapshot snapshot = publish("down.acme.test", port,
                List.of(target("127.0.0.1", FreePort.pick()), target("127.0.0.1", FreePort.pick())),
                attributes(1, 5_000, 60));

        Reply reply = services.client().get(port, "down.acme.test", "/");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.TEXT_PLAIN);
        assertThat(reply.body()).isEqualTo(REFUSED);
        // both targets were tried, one after the other
        assertThat(attempts.of(groupId(snapshot))).extracting(Attempt::outcome)
                .containsExactly("CONNECT_FAILED", "CONNECT_FAILED");
        assertThat(attempts.of(groupId(snapshot))).extracting(Attempt::port).doesNotHaveDuplicates();
    }

    @Test
    void retriesAPostWithABodyOnlyWhenNothingReachedTheTarget() {
        int refusingPort = FreePort.pick();
        int port = FreePort.pick();
        LoadBalancerSnapshot refusing = publish("post-refused.acme.test", port,
                List.of(target("127.0.0.1", refusingPort), alpha()), attributes(0, 5_000, 60));

        Reply retried = services.client().send(HttpMethod.POST, port, "post-refused.acme.test", "/orders", "one pizza");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo("alpha /orders host=post-refused.acme.test body=one pizza");
        assertThat(attempts.of(groupId(refusing))).extracting(Attempt::outcome).containsExactly("CONNECT_FAILED", "200");

        int brokenPort = FreePort.pick();
        publish("post-broken.acme.test", brokenPort, List.of(target(hangingUp.host(), hangingUp.port()), alpha()),
                attributes(5, 5_000, 60));
        int alphaAnswered = services.alpha().requestsAnswered();
        int hangUpsBefore = hangingUp.connectionsAccepted();

        Reply broken = services.client().send(HttpMethod.POST, brokenPort, "post-broken.acme.test", "/orders", "one pizza");

        // the body went out to the target that hung up: the node cannot send it again
        assertThat(broken.status()).isEqualTo(502);
        assertThat(broken.body()).isEqualTo("The target closed the connection before it answered.\n");
        assertThat(hangingUp.connectionsAccepted() - hangUpsBefore).isEqualTo(1);
        assertThat(services.alpha().requestsAnswered()).isEqualTo(alphaAnswered);
    }

    @Test
    void retriesAGetWhoseConnectionBrokeWhenTheGroupAllowsRetries() {
        int withRetries = FreePort.pick();
        publish("get-retried.acme.test", withRetries, List.of(target(hangingUp.host(), hangingUp.port()), alpha()),
                attributes(2, 5_000, 60));
        int withoutRetries = FreePort.pick();
        publish("get-not-retried.acme.test", withoutRetries, List.of(target(hangingUp.host(), hangingUp.port())),
                attributes(0, 5_000, 60));
        int hangUpsBefore = hangingUp.connectionsAccepted();

        Reply retried = services.client().get(withRetries, "get-retried.acme.test", "/");
        Reply notRetried = services.client().get(withoutRetries, "get-not-retried.acme.test", "/");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.target()).isEqualTo("alpha");
        assertThat(notRetried.status()).isEqualTo(502);
        assertThat(notRetried.body()).isEqualTo("The target closed the connection before it answered.\n");
        assertThat(hangingUp.connectionsAccepted() - hangUpsBefore).isEqualTo(2);
    }

    @Test
    void theRetryBudgetStopsRetriesWhenTheWholeGroupIsDown() {
        int port = FreePort.pick();
        publish("all-down.acme.test", port, List.of(target(hangingUp.host(), hangingUp.port()),
                target(otherHangingUp.host(), otherHangingUp.port())), attributes(5, 5_000, 60));
        int before = hangingUp.connectionsAccepted() + otherHangingUp.connectionsAccepted();

        for (int i = 0; i < 50; i++) {
            assertThat(services.client().get(port, "all-down.acme.test", "/").status()).isEqualTo(502);
        }

        // without a budget 50 requests would make 300 attempts; the budget grants 10 (1 per second of
        // the 10 s window) plus 20 % of the requests, so at most 20 retries
        int attemptsMade = hangingUp.connectionsAccepted() + otherHangingUp.connectionsAccepted() - before;
        assertThat(attemptsMade).isBetween(50 + 15, 50 + 20);
    }

    @Test
    void retriesAConnectTimeoutElsewhereAndAnswers504WhenNoTargetIsLeft() {
        try (MisbehavingTarget neverAccepting = MisbehavingTarget.neverAccepting()) {
            int port = FreePort.pick();
            LoadBalancerSnapshot snapshot = publish("blackhole.acme.test", port,
                    List.of(target(neverAccepting.host(), neverAccepting.port()), alpha()), attributes(0, 300, 60));
            int alone = FreePort.pick();
            publish("blackhole-alone.acme.test", alone, List.of(target(neverAccepting.host(), neverAccepting.port())),
                    attributes(0, 300, 60));

            Reply retried = services.client().get(port, "blackhole.acme.test", "/");
            Reply timedOut = services.client().get(alone, "blackhole-alone.acme.test", "/");

            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.target()).isEqualTo("alpha");
            assertThat(attempts.of(groupId(snapshot))).extracting(Attempt::outcome)
                    .containsExactly("CONNECT_TIMEOUT", "200");
            assertThat(timedOut.status()).isEqualTo(504);
            assertThat(timedOut.body()).isEqualTo("The target did not accept the connection in time.\n");
        }
    }

    private LoadBalancerSnapshot publish(String host, int port, List<TargetSnapshot> targets,
            TargetGroupAttributesSnapshot attributes) {
        // probes go to alpha's health path whatever the target, so they never touch the failing targets
        var healthCheck = new HealthCheckSnapshot(TargetProtocol.HTTP, "/health", services.alpha().port(), 30, 5, 3, 3,
                "200");
        LoadBalancerSnapshot snapshot = withAttributes(withHealthCheck(
                loadBalancer(UUID.randomUUID(), 1, List.of(host), port, targets), healthCheck), attributes);
        services.panel().publish(snapshot);
        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(services.client().get(adminPort, "localhost", "/actuator/targets/" + snapshot.id()).status())
                    .isEqualTo(200);
            new Socket("127.0.0.1", port).close();
        });
        return snapshot;
    }

    private static TargetGroupAttributesSnapshot attributes(int retries, int connectTimeoutMillis,
            int responseTimeoutSeconds) {
        return new TargetGroupAttributesSnapshot(300, 0, StickinessSnapshot.DISABLED, retries, connectTimeoutMillis,
                responseTimeoutSeconds);
    }

    private static UUID groupId(LoadBalancerSnapshot snapshot) {
        return snapshot.targetGroups().get(0).id();
    }

    private static TargetSnapshot alpha() {
        return target(services.alpha().host(), services.alpha().port());
    }

    private static TargetSnapshot beta() {
        return target(services.beta().host(), services.beta().port());
    }

    /** The node's {@code /actuator/targets/{loadBalancerId}} document, as JSON text. */
    private String targetHealth(UUID loadBalancerId) {
        Reply reply = services.client().get(adminPort, "localhost", "/actuator/targets/" + loadBalancerId);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }
}
