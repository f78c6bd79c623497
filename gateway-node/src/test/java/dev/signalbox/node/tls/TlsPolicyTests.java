package dev.signalbox.node.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TlsPolicyTests {

    @Test
    void thePanelsPolicyNamesMapToTheirVersions() {
        assertThat(TlsPolicy.named("Signalbox-TLS13-1-2-2026-01")).isEqualTo(TlsPolicy.DEFAULT);
        assertThat(TlsPolicy.named("Signalbox-TLS13-1-3-2026-01")).isEqualTo(TlsPolicy.TLS13_ONLY);
        assertThat(TlsPolicy.named("Signalbox-TLS13-1-2-Compat-2026-01")).isEqualTo(TlsPolicy.COMPATIBLE);
        assertThat(TlsPolicy.named("signalbox-tls13-1-2-2026-01")).isNull();
        assertThat(TlsPolicy.named(null)).isNull();
    }

    @Test
    void onlyTheCompatiblePolicyOffersCbcAndTheTls13OnlyOneOffersNoTls12() {
        assertThat(TlsPolicy.TLS13_ONLY.protocols()).containsExactly("TLSv1.3");
        assertThat(TlsPolicy.TLS13_ONLY.cipherSuites()).allMatch(suite -> !suite.startsWith("TLS_ECDHE"));
        assertThat(TlsPolicy.DEFAULT.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsPolicy.DEFAULT.cipherSuites()).noneMatch(suite -> suite.contains("CBC"))
                .allMatch(suite -> suite.startsWith("TLS_AES") || suite.startsWith("TLS_CHACHA20")
                        || suite.startsWith("TLS_ECDHE"));
        assertThat(TlsPolicy.COMPATIBLE.cipherSuites()).containsAll(TlsPolicy.DEFAULT.cipherSuites())
                .anyMatch(suite -> suite.contains("CBC"));
    }
}
