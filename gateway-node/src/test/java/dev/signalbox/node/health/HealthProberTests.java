package dev.signalbox.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.signalbox.embedded.FreePort;
import dev.signalbox.node.TestTarget;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.TargetProtocol;

/** Probes against real sockets on loopback. */
class HealthProberTests {

    private static TestTarget target;
    private final HealthProber prober = new HealthProber(Clock.systemUTC(), System::nanoTime);

    @BeforeAll
    static void startTarget() {
        target = TestTarget.start("probed");
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @Test
    void anHttpProbeSucceedsWhenTheStatusMatches() {
        target.healthStatus(204);

        ProbeResult result = probe(http("200-299"), target.port());

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.SUCCESS);
        assertThat(result.statusCode()).isEqualTo(204);
    }

    @Test
    void anHttpProbeFailsWithAMismatchWhenTheStatusDoesNot() {
        target.healthStatus(503);

        ProbeResult result = probe(http("200"), target.port());

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.RESPONSE_CODE_MISMATCH);
        assertThat(result.statusCode()).isEqualTo(503);
    }

    @Test
    void aProbeOfAClosedPortFailsToConnect() {
        assertThat(probe(http("200"), FreePort.pick()).outcome()).isEqualTo(ProbeOutcome.CONNECTION_FAILED);
        assertThat(probe(tcp(), FreePort.pick()).outcome()).isEqualTo(ProbeOutcome.CONNECTION_FAILED);
    }

    @Test
    void anHttpProbeOfATargetThatNeverAnswersTimesOut() throws Exception {
        // the kernel accepts the connection into the backlog; nobody ever reads or answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProbeResult result = probe(http("200"), silent.getLocalPort());

            assertThat(result.outcome()).isEqualTo(ProbeOutcome.TIMEOUT);
            assertThat(result.latencyMillis()).isBetween(900L, 5000L);
        }
    }

    @Test
    void aTcpProbeSucceedsWhenTheConnectionIsAccepted() {
        ProbeResult result = probe(tcp(), target.port());

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.SUCCESS);
        assertThat(result.statusCode()).isNull();
    }

    private ProbeResult probe(HealthCheckSnapshot check, int port) {
        return prober.probe(check, StatusCodeMatcher.parse(check.matcher()), target.host(), port)
                .block(Duration.ofSeconds(10));
    }

    private static HealthCheckSnapshot http(String matcher) {
        return new HealthCheckSnapshot(TargetProtocol.HTTP, "/health", null, 1, 1, 1, 1, matcher);
    }

    private static HealthCheckSnapshot tcp() {
        return new HealthCheckSnapshot(TargetProtocol.TCP, "", null, 1, 1, 1, 1, "");
    }
}
