package dev.signalbox.node;

import static dev.signalbox.node.TestSnapshots.https;
import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.signalbox.embedded.FreePort;
import dev.signalbox.protocol.CertificateSnapshot;
import dev.signalbox.protocol.DataPlaneCipher;
import dev.signalbox.protocol.ProtocolCodec;

/**
 * Static stability of HTTPS listeners: a node keeps its certificates on disk, key still sealed, and
 * serves HTTPS from them when it restarts while Kafka is down.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpsStaticStabilityIntegrationTests {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);
    private static final String KEY_ID = "2026.11";
    private static final byte[] DATA_PLANE_KEY = new byte[DataPlaneCipher.KEY_BYTES];

    static {
        new SecureRandom().nextBytes(DATA_PLANE_KEY);
    }

    private static final DataPlaneCipher PANEL = new DataPlaneCipher(Map.of(KEY_ID, DATA_PLANE_KEY));

    private static NodeTestServices services;

    @TempDir
    Path stateDir;

    private final UUID tenant = UUID.randomUUID();

    @BeforeAll
    static void startServices() throws Exception {
        services = NodeTestServices.start();
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @Test
    void aNodeRestartedWhileKafkaIsDownServesHttpsWithTheCertificatesItStored() throws IOException {
        int port = FreePort.pick();
        UUID certificate = UUID.randomUUID();
        try (ConfigurableApplicationContext node = startNode()) {
            services.panel().publish(TestCertificate.selfSigned("stable.example.test", 50, "stable.example.test")
                    .snapshot(certificate, tenant, 1, PANEL));
            services.panel().publish(https(UUID.randomUUID(), 1, tenant, List.of("stable.example.test"), port, null,
                    List.of(certificate), List.of(target(services.alpha().host(), services.alpha().port()))));
            await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() -> assertThat(serial(port)).isEqualTo(50));
        }
        Path stored = stateDir.resolve("certificates").resolve(certificate + ".json");
        assertThat(Files.readString(stored)).contains("\"keyId\":\"" + KEY_ID + "\"").doesNotContain("PRIVATE KEY");

        services.kafka().stop();
        try {
            try (ConfigurableApplicationContext node = startNode()) {
                await().atMost(Duration.ofSeconds(5)).ignoreExceptions().untilAsserted(() -> {
                    try (TlsClient client = TlsClient.connect(port, "stable.example.test")) {
                        assertThat(client.peerCertificate().getSerialNumber().longValueExact()).isEqualTo(50);
                        assertThat(client.get("stable.example.test", "/").target()).isEqualTo("alpha");
                    }
                });

                services.kafka().start();
                services.panel().publish(TestCertificate.selfSigned("stable.example.test", 51, "stable.example.test")
                        .snapshot(certificate, tenant, 2, PANEL));
                await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() -> assertThat(serial(port)).isEqualTo(51));
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                        assertThat(Files.readString(stored)).contains("\"revision\":2"));
            }
        } finally {
            if (!services.kafka().isRunning()) {
                services.kafka().start();
            }
        }
    }

    @Test
    void aStoredCertificateTheTopicNoLongerHasIsRemovedOnceCaughtUp(CapturedOutput output) throws IOException {
        // its tombstone was compacted away while the node was down, so only its absence says it is gone
        UUID gone = UUID.randomUUID();
        CertificateSnapshot snapshot = TestCertificate.selfSigned("gone.example.test", 60, "gone.example.test")
                .snapshot(gone, tenant, 1, PANEL);
        Path stored = stateDir.resolve("certificates").resolve(gone + ".json");
        Files.createDirectories(stored.getParent());
        Files.write(stored, new ProtocolCodec().encode(snapshot));

        try (ConfigurableApplicationContext node = startNode()) {
            await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(stored).doesNotExist());
            assertThat(output).contains("Serving 1 certificate(s) stored in",
                    "Removing 1 stored certificate(s) the certificates topic no longer has");
        }
    }

    @Test
    void aDataPlaneKeyOfTheWrongLengthStopsTheNodeAtStartNamingTheKey() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> startNode("--signalbox.node.data-plane-keys.2025-01=" + shortKey).close())
                .hasStackTraceContaining("Data-plane key '2025-01' has 16 bytes; AES-256 needs 32");
    }

    private static long serial(int port) throws IOException {
        try (TlsClient client = TlsClient.connect(port, "stable.example.test")) {
            return client.peerCertificate().getSerialNumber().longValueExact();
        }
    }

    private ConfigurableApplicationContext startNode(String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + services.kafka().bootstrapServers(),
                "--signalbox.node.id=https-static-node",
                "--signalbox.node.heartbeat-interval=500ms",
                "--signalbox.node.listen-address=127.0.0.1",
                "--signalbox.node.state-dir=" + stateDir,
                "--signalbox.node.data-plane-keys." + KEY_ID + "=" + Base64.getEncoder().encodeToString(DATA_PLANE_KEY)));
        arguments.addAll(List.of(extra));
        return new SpringApplicationBuilder(GatewayNodeApplication.class).run(arguments.toArray(String[]::new));
    }
}
