package dev.signalbox.node.tls;

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The TLS policies an HTTPS listener names (the panel offers the same names): TLS versions and
 * cipher suites, by their standard names. Suites the JVM's TLS provider lacks are left out of the
 * offer, not fatal.
 */
enum TlsPolicy {

    /** TLS 1.2 and 1.3 with forward-secret AEAD suites only. */
    DEFAULT("Signalbox-TLS13-1-2-2026-01", List.of("TLSv1.3", "TLSv1.2"), Suites.TLS13, Suites.TLS12_AEAD),

    /** TLS 1.3 only. */
    TLS13_ONLY("Signalbox-TLS13-1-3-2026-01", List.of("TLSv1.3"), Suites.TLS13),

    /** TLS 1.2 and 1.3 with forward-secret CBC suites too, for old clients. */
    COMPATIBLE("Signalbox-TLS13-1-2-Compat-2026-01", List.of("TLSv1.3", "TLSv1.2"), Suites.TLS13, Suites.TLS12_AEAD,
            Suites.TLS12_CBC);

    private final String policyName;
    private final List<String> protocols;
    private final List<String> cipherSuites;

    @SafeVarargs
    TlsPolicy(String policyName, List<String> protocols, List<String>... cipherSuites) {
        this.policyName = policyName;
        this.protocols = protocols;
        this.cipherSuites = Stream.of(cipherSuites).flatMap(List::stream).toList();
    }

    /** The policy of that name; null when the name is not one of them. */
    static @Nullable TlsPolicy named(@Nullable String name) {
        for (TlsPolicy policy : values()) {
            if (policy.policyName.equals(name)) {
                return policy;
            }
        }
        return null;
    }

    String policyName() {
        return policyName;
    }

    List<String> protocols() {
        return protocols;
    }

    /** In order of preference. */
    List<String> cipherSuites() {
        return cipherSuites;
    }

    private static final class Suites {

        static final List<String> TLS13 = List.of(
                "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

        static final List<String> TLS12_AEAD = List.of(
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

        static final List<String> TLS12_CBC = List.of(
                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");

        private Suites() {
        }
    }
}
