package dev.signalbox.node;

import static dev.signalbox.node.TestGroups.attributes;
import static dev.signalbox.node.TestGroups.group;
import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
import dev.signalbox.node.routing.DrainingTargets;
import dev.signalbox.node.routing.InFlightRequests;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * A target joining a group and leaving it, end to end on a real KRaft broker with real HTTP targets:
 * slow start ramps a new target's share up; a deregistered target finishes its requests in flight
 * while new ones go elsewhere, and is cut when its deregistration delay ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "signalbox.node.id=node-lifecycle-it",
        "signalbox.node.listen-address=127.0.0.1"})
@DirtiesContext
class TargetLifecycleIntegrationTests {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);
    private static final int SLOW_START_SECONDS = 30;

    private static NodeTestServices services;

    @TempDir
    static Path stateDir;

    @LocalServerPort
    int adminPort;

    @Autowired
    DrainingTargets drainingTargets;

    @Autowired
    InFlightRequests inFlightRequests;

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
    void aTargetJoiningAHealthyGroupTakesAGrowingShareOverTheSlowStartWindow() {
        String host = "slow-start.acme.test";
        int port = FreePort.pick();
        UUID loadBalancerId = UUID.randomUUID();
        UUID groupId = UUID.randomUUID();
        TargetSnapshot alpha = target(services.alpha().host(), services.alpha().port());
        TargetSnapshot beta = target(services.beta().host(), services.beta().port());
        services.panel().publish(slowStarting(loadBalancerId, 1, host, port, groupId, List.of(alpha)));
        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(targetHealth(loadBalancerId)).contains("\"state\":\"HEALTHY\""));

        long published = System.nanoTime();
        services.panel().publish(slowStarting(loadBalancerId, 2, host, port, groupId, List.of(alpha, beta)));
        await().atMost(CONVERGENCE).until(() -> services.client().targetsOf(4, port, host).contains("beta"));
        // the node started beta's ramp between the publishing and this first answer from beta
        long joined = System.nanoTime();

        // requests one after the other, counted by when they were answered: {requests, beta's}
        int[] early = new int[2];
        int[] late = new int[2];
        int[] after = new int[2];
        long window = Duration.ofSeconds(SLOW_START_SECONDS).toNanos();
        while (System.nanoTime() - joined < window + window / 5) {
            boolean toBeta = services.client().get(port, host, "/").target().equals("beta");
            long now = System.nanoTime();
            int[] bucket = now - published < window / 4 ? early
                    : now - joined >= window * 7 / 10 && now - joined < window * 19 / 20 ? late
                    : now - joined >= window * 21 / 20 ? after : null;
            if (bucket != null) {
                bucket[0]++;
                bucket[1] += toBeta ? 1 : 0;
            }
        }

        // round robin over two: a ramp at fraction f gives beta f / (1 + f) of the requests, 1/2 at its end
        assertThat(early[0]).isGreaterThan(20);
        assertThat(late[0]).isGreaterThan(30);
        assertThat(after[0]).isGreaterThan(10);
        assertThat(share(early)).as("in the first quarter of the window f is at most 0.33: at most 0.25")
                .isLessThan(0.33);
        assertThat(share(late)).as("from 70 %% to 95 %% f is 0.73 to 0.96: about 0.46")
                .isGreaterThan(0.36).isGreaterThan(share(early) + 0.1);
        assertThat(share(after)).as("the ramp is over: round robin").isCloseTo(0.5, within(0.1));
    }

    @Test
    void aDeregisteredTargetFinishesItsRequestInFlightWhileNewRequestsGoElsewhere() throws Exception {
        try (GatedTarget gated = GatedTarget.start("gated")) {
            String host = "draining.acme.test";
            int port = FreePort.pick();
            UUID loadBalancerId = UUID.randomUUID();
            UUID groupId = UUID.randomUUID();
            TargetSnapshot leaving = target(gated.host(), gated.port());
            TargetSnapshot staying = target(services.alpha().host(), services.alpha().port());
            services.panel().publish(draining(loadBalancerId, 1, host, port, groupId, 60, List.of(leaving, staying)));
            CompletableFuture<String> inFlight = requestReaching(gated, port, host);

            services.panel().publish(draining(loadBalancerId, 2, host, port, groupId, 60, List.of(staying)));

            await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(targetHealth(loadBalancerId))
                    .contains("\"id\":\"" + leaving.id() + "\"", "\"state\":\"DRAINING\"",
                            "\"reason\":\"Target.DeregistrationInProgress\""));
            assertThat(drainingTargets.draining()).singleElement().satisfies(target -> {
                assertThat(target.loadBalancerId()).isEqualTo(loadBalancerId);
                assertThat(target.targetGroupId()).isEqualTo(groupId);
                assertThat(target.target().id()).isEqualTo(leaving.id());
            });
            assertThat(services.client().targetsOf(10, port, host)).containsOnly("alpha");
            assertThat(inFlight).isNotDone();

            gated.open();

            String response = inFlight.get(10, TimeUnit.SECONDS);
            assertThat(RawRequest.status(response)).isEqualTo(200);
            assertThat(response).contains("gated /gate");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(targetHealth(loadBalancerId)).doesNotContain(leaving.id().toString(), "DRAINING");
                assertThat(drainingTargets.draining()).isEmpty();
            });
        }
    }

    @Test
    void aRequestStillRunningWhenTheDeregistrationDelayEndsIsCut() throws Exception {
        try (GatedTarget gated = GatedTarget.start("stuck")) {
            String host = "cut.acme.test";
            int port = FreePort.pick();
            UUID loadBalancerId = UUID.randomUUID();
            UUID groupId = UUID.randomUUID();
            TargetSnapshot leaving = target(gated.host(), gated.port());
            TargetSnapshot staying = target(services.alpha().host(), services.alpha().port());
            services.panel().publish(draining(loadBalancerId, 1, host, port, groupId, 1, List.of(leaving, staying)));
            CompletableFuture<String> inFlight = requestReaching(gated, port, host);

            services.panel().publish(draining(loadBalancerId, 2, host, port, groupId, 1, List.of(staying)));

            String response = inFlight.get(20, TimeUnit.SECONDS);
            assertThat(RawRequest.status(response)).as("the connection closed without an answer: " + response)
                    .isEqualTo(-1);
            assertThat(drainingTargets.draining()).isEmpty();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(inFlightRequests.count(leaving)).as("the cut request ended").isZero());
            assertThat(services.client().targetsOf(4, port, host)).containsOnly("alpha");
        }
    }

    /** Sends {@code /gate} requests until one reaches {@code gated} (round robin takes turns); that one is in flight. */
    private CompletableFuture<String> requestReaching(GatedTarget gated, int port, String host) throws Exception {
        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(services.client().get(port, host, "/").status()).isEqualTo(200));
        for (int attempt = 0; attempt < 4; attempt++) {
            CompletableFuture<String> request = RawRequest.send(port, host, "/gate");
            // the other target answers at once; the gated one holds the request
            try {
                request.get(2, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                await().atMost(Duration.ofSeconds(5)).until(() -> gated.arrivals() == 1);
                return request;
            }
        }
        throw new AssertionError("no request reached the gated target in four attempts");
    }

    private static double share(int[] bucket) {
        return bucket[1] / (double) bucket[0];
    }

    private static LoadBalancerSnapshot slowStarting(UUID loadBalancerId, long revision, String host, int port,
            UUID groupId, List<TargetSnapshot> targets) {
        return withGroup(loadBalancerId, revision, host, port, group(groupId, TestGroups.EVERY_SECOND,
                attributes(300, SLOW_START_SECONDS, StickinessSnapshot.DISABLED), targets));
    }

    private static LoadBalancerSnapshot draining(UUID loadBalancerId, long revision, String host, int port,
            UUID groupId, int delaySeconds, List<TargetSnapshot> targets) {
        return withGroup(loadBalancerId, revision, host, port, group(groupId, TestGroups.RARELY,
                attributes(delaySeconds, 0, StickinessSnapshot.DISABLED), targets));
    }

    private static LoadBalancerSnapshot withGroup(UUID loadBalancerId, long revision, String host, int port,
            TargetGroupSnapshot group) {
        return TestGroups.loadBalancer(loadBalancerId, revision, host, port, ActionSnapshot.forward(group.id()),
                List.of(group));
    }

    /** The node's {@code /actuator/targets/{loadBalancerId}} document, as JSON text. */
    private String targetHealth(UUID loadBalancerId) {
        ListenerClient.Reply reply = services.client().get(adminPort, "localhost", "/actuator/targets/" + loadBalancerId);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }
}
