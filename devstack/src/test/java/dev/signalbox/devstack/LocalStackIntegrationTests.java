package dev.signalbox.devstack;

import static dev.signalbox.devstack.Traffic.TARGET_1;
import static dev.signalbox.devstack.Traffic.TARGET_2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.embedded.FreePort;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The whole system end to end: the packaged panel and gateway node as child processes, real
 * embedded Postgres, Kafka, Redis and SMTP, and two real HTTP targets. Free ports throughout, so a
 * running {@code ./run-local} does not disturb it.
 */
class LocalStackIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(LocalStackIntegrationTests.class);
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    private static LocalStack stack;
    private static PrintStream childOutput;

    @BeforeAll
    static void startStack() throws IOException {
        Path home = Path.of(System.getProperty("signalbox.devstack.home", ".."));
        Path logFile = Path.of("target", "local-stack-it.log");
        Files.createDirectories(logFile.getParent());
        childOutput = new PrintStream(new FileOutputStream(logFile.toFile(), true), true, StandardCharsets.UTF_8);
        log.info("Panel and node output goes to {}", logFile.toAbsolutePath());
        stack = new LocalStack(StackPorts.free(), home, childOutput).start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (childOutput != null) {
            childOutput.close();
        }
    }

    @Test
    void routesRoundRobinAndFollowsADeregistration() throws Exception {
        TenantApi tenant = TenantApi.signUp(stack.panelUrl(), "round-robin");
        var lb = tenant.loadBalancer("shop", stack.targets().port(1), stack.targets().port(2));
        assertThat(lb.dnsName()).isEqualTo("shop.round-robin." + stack.baseDomain());
        int listenerPort = FreePort.pick();
        Traffic traffic = new Traffic(listenerPort, lb.dnsName());

        lb.listen(listenerPort);
        long listenerCreated = System.nanoTime();
        long firstRouted = traffic.awaitStreak(answer -> answer.startsWith("Hello from target"), 1, PROPAGATION);
        log.info("Propagation: listener created -> first request routed by the node: {} ms", millis(firstRouted - listenerCreated));

        traffic.awaitBothTargets(PROPAGATION);
        List<String> answers = traffic.send(6);
        assertAlternates(answers);
        assertThat(answers.stream().filter(TARGET_1::equals).count()).isEqualTo(3);

        lb.deregister(stack.targets().port(2));
        long deregistered = System.nanoTime();
        // under the old config round robin never answers twice in a row from target 1
        long onlyTarget1 = traffic.awaitStreak(TARGET_1::equals, 2, PROPAGATION);
        log.info("Propagation: target deregistered -> first request routed by the new config: {} ms",
                millis(onlyTarget1 - deregistered));
        assertThat(traffic.send(6)).containsOnly(TARGET_1);

        JsonNode applied = lb.awaitAppliedBy(stack.node().name(), Duration.ofSeconds(30));
        assertThat(applied.path("revision").asLong()).isPositive();
        assertThat(applied.path("nodes")).anySatisfy(node -> {
            assertThat(node.path("nodeId").asString()).isEqualTo(stack.node().name());
            assertThat(node.path("inSync").asBoolean()).isTrue();
        });
    }

    @Test
    void appliesChangesAcceptedWhileKafkaIsDown() throws Exception {
        TenantApi tenant = TenantApi.signUp(stack.panelUrl(), "outage");
        var lb = tenant.loadBalancer("api", stack.targets().port(1));
        int listenerPort = FreePort.pick();
        Traffic traffic = new Traffic(listenerPort, lb.dnsName());
        lb.listen(listenerPort);
        traffic.awaitStreak(TARGET_1::equals, 3, PROPAGATION);

        stack.kafka().stop();
        try {
            // both calls must be accepted although nothing can be published yet
            lb.register(stack.targets().port(2));
            lb.deregister(stack.targets().port(1));
            assertThat(traffic.send(4)).as("the node keeps serving its last config").containsOnly(TARGET_1);
        } finally {
            stack.kafka().start();
        }
        long kafkaBack = System.nanoTime();

        long switched = traffic.awaitStreak(TARGET_2::equals, 3, Duration.ofSeconds(120));
        log.info("Changes made while Kafka was down reached the node {} ms after Kafka came back", millis(switched - kafkaBack));
        assertThat(traffic.send(4)).containsOnly(TARGET_2);
        lb.awaitAppliedBy(stack.node().name(), Duration.ofSeconds(60));
    }

    @Test
    void aRestartedGatewayNodeRebuildsRoutingFromTheConfigTopic() throws Exception {
        TenantApi tenant = TenantApi.signUp(stack.panelUrl(), "restart");
        var lb = tenant.loadBalancer("web", stack.targets().port(1), stack.targets().port(2));
        int listenerPort = FreePort.pick();
        Traffic traffic = new Traffic(listenerPort, lb.dnsName());
        lb.listen(listenerPort);
        traffic.awaitBothTargets(PROPAGATION);

        String replacement = "node-" + System.nanoTime() % 100_000;
        ServiceProcess previous = stack.node();
        stack.replaceNode(replacement);
        assertThat(previous.isAlive()).isFalse();

        long started = System.nanoTime();
        traffic.awaitBothTargets(PROPAGATION);
        log.info("A fresh node routed by the compacted config {} ms after it reported UP", millis(System.nanoTime() - started));
        assertAlternates(traffic.send(4));
        lb.awaitAppliedBy(replacement, Duration.ofSeconds(30));
    }

    @Test
    void servesHttpsWithTheUploadedCertificateOfTheHostAClientAsksForAndItsRenewal() throws Exception {
        TenantApi tenant = TenantApi.signUp(stack.panelUrl(), "tls");
        var lb = tenant.loadBalancer("secure", stack.targets().port(1));
        SelfSignedCertificate certificate = SelfSignedCertificate.forHost(lb.dnsName());
        String certificateId = tenant.api.post("/certificates", Map.of("name", "secure",
                "certificateChain", certificate.certificatePem(), "privateKey", certificate.privateKeyPem()))
                .path("id").asString();
        int listenerPort = FreePort.pick();
        tenant.api.post(lb.path() + "/listeners", Map.of("protocol", "HTTPS", "port", listenerPort,
                "certificateIds", List.of(certificateId),
                "defaultAction", Map.of("type", "FORWARD", "targetGroupId", lb.targetGroupId())));
        long listenerCreated = System.nanoTime();

        // trusting nothing but the uploaded certificate, and checking it names the host sent in SNI
        Traffic https = new Traffic(listenerPort, lb.dnsName(), certificate.trustingOnlyThis());
        long firstRouted = https.awaitStreak(TARGET_1::equals, 3, PROPAGATION);
        log.info("Propagation: HTTPS listener created -> first request routed over TLS: {} ms",
                millis(firstRouted - listenerCreated));

        SelfSignedCertificate renewed = SelfSignedCertificate.forHost(lb.dnsName());
        tenant.api.send("PUT", "/certificates/" + certificateId, Map.of("name", "secure",
                "certificateChain", renewed.certificatePem(), "privateKey", renewed.privateKeyPem()));
        Traffic afterRenewal = new Traffic(listenerPort, lb.dnsName(), renewed.trustingOnlyThis());
        afterRenewal.awaitStreak(TARGET_1::equals, 3, PROPAGATION);
        assertThat(https.request()).as("the node no longer presents the replaced certificate")
                .startsWith("no answer");
    }

    @Test
    void demoDataRoutesTheDemoHostRoundRobin() {
        int listenerPort = FreePort.pick();
        DemoData.DemoSetup demo = DemoData.create(stack.panelUrl(), stack.targets(), listenerPort);

        assertThat(demo.apiToken()).startsWith("sbx_");
        assertThat(demo.dnsName()).isEqualTo("demo.acme." + stack.baseDomain());
        // what the banner promises: target 1, target 2, target 1, ...
        assertThat(new Traffic(listenerPort, demo.dnsName()).send(4)).containsExactly(TARGET_1, TARGET_2, TARGET_1, TARGET_2);

        JsonNode loadBalancers = PanelClient.withToken(stack.panelUrl(), demo.apiToken()).get("/load-balancers");
        assertThat(loadBalancers.path("items")).singleElement()
                .satisfies(lb -> assertThat(lb.path("name").asString()).isEqualTo("demo"));
        PanelClient console = PanelClient.console(stack.panelUrl());
        JsonNode session = console.post("/session", Map.of("email", DemoData.EMAIL, "password", DemoData.PASSWORD));
        assertThat(session.path("tenant").path("slug").asString()).isEqualTo("acme");
    }

    /** Round robin over two targets: T1 T2 T1 T2 ... or T2 T1 T2 T1 ... */
    private static void assertAlternates(List<String> answers) {
        assertThat(answers).containsOnly(TARGET_1, TARGET_2);
        for (int i = 1; i < answers.size(); i++) {
            assertThat(answers.get(i)).as("answer %d of %s", i, answers).isNotEqualTo(answers.get(i - 1));
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
