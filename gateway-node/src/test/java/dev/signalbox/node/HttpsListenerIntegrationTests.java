package dev.signalbox.node;

import static dev.signalbox.node.TestSnapshots.https;
import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.signalbox.embedded.FreePort;
import dev.signalbox.node.listener.ListenerPortBinder;
import dev.signalbox.protocol.CertificateSnapshot;
import dev.signalbox.protocol.DataPlaneCipher;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * HTTPS listeners of a node on a real KRaft broker: certificates made at test time, sealed as the
 * panel seals them, published to the certificates topic, and checked from the client's side of
 * real TLS handshakes. Every test uses its own ports and host names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "signalbox.node.id=node-https",
        "signalbox.node.heartbeat-interval=500ms",
        "signalbox.node.listen-address=127.0.0.1"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class HttpsListenerIntegrationTests {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);
    private static final String KEY_ID = "2026.11";
    private static final byte[] DATA_PLANE_KEY = new byte[DataPlaneCipher.KEY_BYTES];

    static {
        new SecureRandom().nextBytes(DATA_PLANE_KEY);
    }

    /** The panel's side of the data-plane key. */
    private static final DataPlaneCipher PANEL = new DataPlaneCipher(Map.of(KEY_ID, DATA_PLANE_KEY));

    private static NodeTestServices services;

    @TempDir
    static Path stateDir;

    @Autowired
    ListenerPortBinder listeners;

    private final UUID tenant = UUID.randomUUID();

    @BeforeAll
    static void startServices() throws Exception {
        services = NodeTestServices.start();
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @DynamicPropertySource
    static void nodeProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> services.kafka().bootstrapServers());
        registry.add("signalbox.node.state-dir", () -> stateDir.toString());
        registry.add("signalbox.node.data-plane-keys." + KEY_ID, () -> Base64.getEncoder().encodeToString(DATA_PLANE_KEY));
    }

    @Test
    void theServerNamePicksTheCertificateAndTheHostPicksTheLoadBalancerOfASharedPort() throws IOException {
        int port = FreePort.pick();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        // the lower load balancer id holds the port's default certificate
        UUID first = a.compareTo(b) < 0 ? a : b;
        UUID second = first == a ? b : a;
        UUID firstCertificate = publish(TestCertificate.selfSigned("first.example.test", 1, "first.example.test"), 1);
        UUID secondCertificate = publish(TestCertificate.selfSigned("second.example.test", 2, "second.example.test",
                "*.second.example.test"), 1);
        services.panel().publish(https(first, 1, tenant, List.of("first.example.test"), port, null,
                List.of(firstCertificate), List.of(alpha())));
        services.panel().publish(https(second, 1, tenant, List.of("second.example.test", "www.second.example.test"), port,
                null, List.of(secondCertificate), List.of(beta())));

        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(handshake(port, "second.example.test").subject).isEqualTo("CN=second.example.test"));

        try (TlsClient client = TlsClient.connect(port, "first.example.test")) {
            assertThat(client.peerCertificate().getSubjectX500Principal().getName()).isEqualTo("CN=first.example.test");
            assertThat(client.protocol()).isEqualTo("TLSv1.3");
            assertThat(client.applicationProtocol()).isEqualTo("http/1.1");
            assertThat(client.get("first.example.test", "/").target()).isEqualTo("alpha");
            String headers = client.get("first.example.test", "/echo-headers").body();
            assertThat(headers).contains("x-forwarded-proto: https\n", "x-forwarded-port: " + port + "\n",
                    "x-forwarded-host: first.example.test\n");
        }
        try (TlsClient client = TlsClient.connect(port, "www.second.example.test")) {
            assertThat(client.peerCertificate().getSubjectX500Principal().getName()).isEqualTo("CN=second.example.test");
            assertThat(client.get("www.second.example.test", "/").target()).isEqualTo("beta");
        }
        assertThat(handshake(port, "unknown.example.test").subject).isEqualTo("CN=first.example.test");
        assertThat(handshake(port, null).subject).isEqualTo("CN=first.example.test");
    }

    @Test
    void aReplacedCertificateIsServedFromTheNextHandshakeWhileOpenConnectionsGoOn() throws IOException {
        int port = FreePort.pick();
        UUID certificate = UUID.randomUUID();
        publish(certificate, TestCertificate.selfSigned("swap.example.test", 10, "swap.example.test"), 1, PANEL);
        services.panel().publish(https(UUID.randomUUID(), 1, tenant, List.of("swap.example.test"), port, null,
                List.of(certificate), List.of(alpha())));
        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(handshake(port, "swap.example.test").serial).isEqualTo(10));

        try (TlsClient before = TlsClient.connect(port, "swap.example.test")) {
            assertThat(before.get("swap.example.test", "/").target()).isEqualTo("alpha");

            publish(certificate, TestCertificate.selfSigned("swap.example.test", 11, "swap.example.test"), 2, PANEL);

            await().atMost(CONVERGENCE).untilAsserted(() ->
                    assertThat(handshake(port, "swap.example.test").serial).isEqualTo(11));
            // the port was not bound again: the connection made before the swap still works
            assertThat(before.peerCertificate().getSerialNumber()).isEqualTo(BigInteger.valueOf(10));
            assertThat(before.get("swap.example.test", "/").target()).isEqualTo("alpha");
        }
    }

    @Test
    void aCertificateSealedWithAnUnknownKeyIsRejectedAndTheOthersAreStillServed(CapturedOutput output) throws IOException {
        int port = FreePort.pick();
        var unknownKey = new DataPlaneCipher(Map.of("2099-01", new byte[DataPlaneCipher.KEY_BYTES]));
        UUID unopenable = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        publish(unopenable, TestCertificate.selfSigned("sealed.example.test", 20, "sealed.example.test"), 1, unknownKey);
        publish(good, TestCertificate.selfSigned("good.example.test", 21, "good.example.test"), 1, PANEL);
        services.panel().publish(https(UUID.randomUUID(), 1, tenant, List.of("sealed.example.test", "good.example.test"),
                port, null, List.of(unopenable, good), List.of(alpha())));

        // the listener's first certificate cannot be served, so its next one is its default
        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(handshake(port, "sealed.example.test").serial).isEqualTo(21));
        assertThat(output).contains("Rejecting revision 1 of certificate " + unopenable,
                "data-plane key '2099-01', which is not configured here");

        publish(good, TestCertificate.selfSigned("good.example.test", 22, "good.example.test"), 2, unknownKey);
        await().atMost(CONVERGENCE).untilAsserted(() ->
                assertThat(output).contains("Rejecting revision 2 of certificate " + good + " (revision 1 stays served)"));
        assertThat(handshake(port, "good.example.test").serial).isEqualTo(21);
    }

    @Test
    void aPortIsReportedUntilItsFirstCertificateArrivesAndAgainWhenItsLastIsDeleted() {
        int port = FreePort.pick();
        UUID certificate = UUID.randomUUID();
        services.panel().publish(https(UUID.randomUUID(), 1, tenant, List.of("late.example.test"), port, null,
                List.of(certificate), List.of(alpha())));

        await().atMost(CONVERGENCE).untilAsserted(() ->
                assertThat(listeners.failedPorts()).containsKey(port));
        assertThat(listeners.failedPorts().get(port)).contains("no usable certificate");
        assertThatThrownBy(() -> TlsClient.connect(port, "late.example.test")).isInstanceOf(ConnectException.class);

        publish(certificate, TestCertificate.selfSigned("late.example.test", 30, "late.example.test"), 1, PANEL);
        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(handshake(port, "late.example.test").serial).isEqualTo(30));
        assertThat(listeners.failedPorts()).doesNotContainKey(port);

        services.panel().publishCertificateDeletion(certificate);
        await().atMost(CONVERGENCE).untilAsserted(() -> {
            assertThat(listeners.failedPorts()).containsKey(port);
            assertThat(listeners.boundPorts()).doesNotContain(port);
        });
        assertThatThrownBy(() -> TlsClient.connect(port, "late.example.test")).isInstanceOf(ConnectException.class);
    }

    @Test
    void tlsPoliciesSetTheVersionsOfferedAndAnUnknownPolicyIsServedAsTheDefault(CapturedOutput output) throws IOException {
        int modern = FreePort.pick();
        int unknown = FreePort.pick();
        UUID certificate = publish(TestCertificate.selfSigned("policy.example.test", 40, "policy.example.test"), 1);
        services.panel().publish(https(UUID.randomUUID(), 1, tenant, List.of("policy.example.test"), modern,
                "Signalbox-TLS13-1-3-2026-01", List.of(certificate), List.of(alpha())));
        services.panel().publish(https(UUID.randomUUID(), 1, tenant, List.of("policy.example.test"), unknown,
                "Signalbox-TLS-From-The-Future", List.of(certificate), List.of(alpha())));
        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(handshake(modern, "policy.example.test").serial).isEqualTo(40);
            assertThat(handshake(unknown, "policy.example.test").serial).isEqualTo(40);
        });

        assertThatThrownBy(() -> TlsClient.connect(modern, "policy.example.test", "TLSv1.2").close())
                .isInstanceOf(IOException.class);
        try (TlsClient client = TlsClient.connect(unknown, "policy.example.test", "TLSv1.2")) {
            assertThat(client.protocol()).isEqualTo("TLSv1.2");
            assertThat(client.get("policy.example.test", "/").target()).isEqualTo("alpha");
        }
        assertThat(output).contains("TLS policy 'Signalbox-TLS-From-The-Future' is unknown to this node");
    }

    /** Subject and serial of the certificate a handshake got. */
    private record Handshake(String subject, long serial) {
    }

    private static Handshake handshake(int port, @Nullable String serverName) throws IOException {
        try (TlsClient client = TlsClient.connect(port, serverName)) {
            return new Handshake(client.peerCertificate().getSubjectX500Principal().getName(),
                    client.peerCertificate().getSerialNumber().longValueExact());
        }
    }

    private UUID publish(TestCertificate certificate, long revision) {
        UUID id = UUID.randomUUID();
        publish(id, certificate, revision, PANEL);
        return id;
    }

    private void publish(UUID id, TestCertificate certificate, long revision, DataPlaneCipher sealedWith) {
        CertificateSnapshot snapshot = certificate.snapshot(id, tenant, revision, sealedWith);
        services.panel().publish(snapshot);
    }

    private static TargetSnapshot alpha() {
        return target(services.alpha().host(), services.alpha().port());
    }

    private static TargetSnapshot beta() {
        return target(services.beta().host(), services.beta().port());
    }
}
