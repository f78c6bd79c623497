package dev.signalbox.node.tls;

import static dev.signalbox.node.TestSnapshots.https;
import static dev.signalbox.node.TestSnapshots.loadBalancer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.node.routing.AppliedLoadBalancer;
import dev.signalbox.protocol.LoadBalancerSnapshot;

class HttpsPortsTests {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID LOWER = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID HIGHER = UUID.fromString("7fffffff-0000-4000-8000-000000000002");

    @Test
    void listenersOfAPortAreOrderedByLoadBalancerIdAndTheLowerIdKeepsASharedHost() {
        UUID lowerCertificate = UUID.randomUUID();
        UUID higherCertificate = UUID.randomUUID();

        HttpsPorts ports = HttpsPorts.of(List.of(
                applied(https(HIGHER, 1, TENANT, List.of("shared.test", "Higher.Test"), 8443, null, List.of(higherCertificate), List.of())),
                applied(https(LOWER, 1, TENANT, List.of("shared.test", "lower.test"), 8443, null, List.of(lowerCertificate), List.of()))));

        HttpsPort port = ports.port(8443);
        assertThat(port).isNotNull();
        assertThat(port.listeners()).extracting(HttpsPort.Listener::loadBalancerId).containsExactly(LOWER, HIGHER);
        assertThat(port.byHost().get("shared.test").loadBalancerId()).isEqualTo(LOWER);
        assertThat(port.byHost().get("higher.test").certificateIds()).containsExactly(higherCertificate);
        assertThat(ports.port(8080)).isNull();
    }

    @Test
    void anUnknownPolicyIsServedAsTheDefaultAndReported() {
        HttpsPorts ports = HttpsPorts.of(List.of(
                applied(https(LOWER, 1, TENANT, List.of("a.test"), 8443, "Signalbox-TLS14-2031-01", List.of(), List.of())),
                applied(https(HIGHER, 1, TENANT, List.of("b.test"), 9443, null, List.of(), List.of()))));

        assertThat(ports.port(8443).listeners().get(0).policy()).isEqualTo(TlsPolicy.DEFAULT);
        assertThat(ports.port(9443).listeners().get(0).policy()).isEqualTo(TlsPolicy.DEFAULT);
        assertThat(ports.unknownPolicies()).containsExactly("Signalbox-TLS14-2031-01");
    }

    @Test
    void namedPoliciesAreKept() {
        HttpsPorts ports = HttpsPorts.of(List.of(
                applied(https(LOWER, 1, TENANT, List.of("a.test"), 8443, "Signalbox-TLS13-1-3-2026-01", List.of(), List.of()))));

        assertThat(ports.port(8443).listeners().get(0).policy()).isEqualTo(TlsPolicy.TLS13_ONLY);
        assertThat(ports.unknownPolicies()).isEmpty();
    }

    @Test
    void httpListenersOnAnHttpsPortAreReportedAndPlainPortsAreNotSecured() {
        HttpsPorts ports = HttpsPorts.of(List.of(
                applied(https(LOWER, 1, TENANT, List.of("a.test"), 8443, null, List.of(), List.of())),
                applied(loadBalancer(HIGHER, 1, List.of("b.test"), 8443, List.of())),
                applied(loadBalancer(UUID.randomUUID(), 1, List.of("c.test"), 8080, List.of()))));

        assertThat(ports.mixedPorts()).containsExactly(8443);
        assertThat(ports.ports()).containsOnlyKeys(8443);
        assertThat(ports.port(8443).listeners()).hasSize(1);
    }

    private static AppliedLoadBalancer applied(LoadBalancerSnapshot snapshot) {
        return new AppliedLoadBalancer(snapshot, Instant.EPOCH, List.of());
    }
}
