package dev.signalbox.node.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.signalbox.node.tls.HttpsPort.Listener;
import dev.signalbox.node.tls.HttpsPort.Selection;
import dev.signalbox.protocol.CertificateSnapshot;
import dev.signalbox.protocol.SealedPrivateKey;

class HttpsPortTests {

    private static final UUID TENANT = UUID.randomUUID();

    private final Map<UUID, ServedCertificate> received = new HashMap<>();

    @Test
    void theServerNamePicksTheCertificateNamingItExactlyOverAWildcardListedBefore() {
        UUID wildcard = certificate("*.shop.test");
        UUID exact = certificate("www.shop.test");
        Listener shop = listener(TlsPolicy.COMPATIBLE, wildcard, exact);
        HttpsPort port = port(List.of(shop), Map.of("www.shop.test", shop, "api.shop.test", shop));

        assertThat(select(port, "www.shop.test")).isEqualTo(new Pick(exact, TlsPolicy.COMPATIBLE));
        assertThat(select(port, "api.shop.test")).isEqualTo(new Pick(wildcard, TlsPolicy.COMPATIBLE));
    }

    @Test
    void aWildcardCoversExactlyOneLabel() {
        UUID fallback = certificate("fallback.shop.test");
        UUID wildcard = certificate("*.shop.test");
        Listener shop = listener(TlsPolicy.DEFAULT, fallback, wildcard);
        HttpsPort port = port(List.of(shop), Map.of("shop.test", shop, "a.b.shop.test", shop, "b.shop.test", shop));

        assertThat(select(port, "b.shop.test").certificate()).isEqualTo(wildcard);
        // neither the parent nor a name two labels down: the listener's default answers them
        assertThat(select(port, "shop.test").certificate()).isEqualTo(fallback);
        assertThat(select(port, "a.b.shop.test").certificate()).isEqualTo(fallback);
    }

    @Test
    void aHostOfTheListenerThatNoCertificateNamesGetsTheListenersDefault() {
        UUID first = certificate("a.example.test");
        UUID second = certificate("b.example.test");
        Listener portDefault = listener(TlsPolicy.DEFAULT, first);
        Listener other = listener(TlsPolicy.TLS13_ONLY, second, first);
        HttpsPort port = port(List.of(portDefault, other), Map.of("a.example.test", portDefault, "c.example.test", other));

        assertThat(select(port, "c.example.test")).isEqualTo(new Pick(second, TlsPolicy.TLS13_ONLY));
    }

    @Test
    void noServerNameOrAnUnknownOneGetsTheFirstCertificateOfThePortsFirstListener() {
        UUID a = certificate("a.example.test");
        UUID b = certificate("b.example.test");
        Listener first = listener(TlsPolicy.TLS13_ONLY, a);
        Listener second = listener(TlsPolicy.DEFAULT, b);
        HttpsPort port = port(List.of(first, second), Map.of("a.example.test", first, "b.example.test", second));

        assertThat(select(port, null)).isEqualTo(new Pick(a, TlsPolicy.TLS13_ONLY));
        // a certificate of the port naming the host does not count when no load balancer answers for it
        assertThat(select(port, "elsewhere.test")).isEqualTo(new Pick(a, TlsPolicy.TLS13_ONLY));
        assertThat(select(port, "b.example.test")).isEqualTo(new Pick(b, TlsPolicy.DEFAULT));
    }

    @Test
    void serverNamesCompareWithoutCaseOrTrailingDot() {
        UUID other = certificate("other.test");
        UUID shop = certificate("Shop.Example.Test");
        Listener listener = listener(TlsPolicy.DEFAULT, other, shop);
        HttpsPort port = port(List.of(listener), Map.of("shop.example.test", listener));

        assertThat(select(port, "SHOP.example.test.").certificate()).isEqualTo(shop);
    }

    @Test
    void certificatesNotReceivedAreSkippedAtEveryStep() {
        UUID missing = UUID.randomUUID();
        UUID naming = certificate("a.example.test");
        Listener empty = listener(TlsPolicy.DEFAULT, UUID.randomUUID());
        Listener listener = listener(TlsPolicy.DEFAULT, missing, naming);
        HttpsPort port = port(List.of(empty, listener), Map.of("a.example.test", listener, "x.example.test", listener));

        assertThat(select(port, "a.example.test").certificate()).isEqualTo(naming);
        assertThat(select(port, "x.example.test").certificate()).isEqualTo(naming);
        // the port's first listener has nothing usable, so the next one's default is the port's
        assertThat(select(port, null).certificate()).isEqualTo(naming);
    }

    @Test
    void aListenerNeverServesACertificateOfAnotherTenant() {
        UUID foreign = certificate(UUID.randomUUID(), "a.example.test");
        UUID own = certificate("own.example.test");
        Listener listener = listener(TlsPolicy.DEFAULT, foreign, own);
        HttpsPort port = port(List.of(listener), Map.of("a.example.test", listener));

        assertThat(select(port, "a.example.test").certificate()).isEqualTo(own);
        assertThat(select(port, null).certificate()).isEqualTo(own);
    }

    @Test
    void aPortWithoutAnyUsableCertificateSelectsNothing() {
        Listener listener = listener(TlsPolicy.DEFAULT, UUID.randomUUID());
        HttpsPort port = port(List.of(listener), Map.of("a.example.test", listener));

        assertThat(port.select("a.example.test", received::get)).isNull();
        assertThat(port.portDefault(received::get)).isNull();
    }

    private record Pick(UUID certificate, TlsPolicy policy) {
    }

    private Pick select(HttpsPort port, @Nullable String serverName) {
        Selection selection = port.select(serverName, received::get);
        assertThat(selection).isNotNull();
        return new Pick(selection.certificate().id(), selection.policy());
    }

    private UUID certificate(String... hostNames) {
        return certificate(TENANT, hostNames);
    }

    private UUID certificate(UUID tenant, String... hostNames) {
        UUID id = UUID.randomUUID();
        var snapshot = new CertificateSnapshot(CertificateSnapshot.SCHEMA_VERSION, id, tenant, 1, "unused",
                new SealedPrivateKey("k1", new byte[12], new byte[16]), List.of(hostNames), Instant.EPOCH);
        received.put(id, new ServedCertificate(snapshot, Map.of()));
        return id;
    }

    private static Listener listener(TlsPolicy policy, UUID... certificates) {
        return new Listener(UUID.randomUUID(), TENANT, List.of(certificates), policy);
    }

    private static HttpsPort port(List<Listener> listeners, Map<String, Listener> byHost) {
        return new HttpsPort(listeners, byHost);
    }
}
