package dev.signalbox.node.tls;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.signalbox.node.routing.RoutingIndex;
import dev.signalbox.protocol.CertificateSnapshot;
import reactor.netty.tcp.SslProvider;

/**
 * A certificate ready for handshakes: its snapshot (key still sealed) and, per TLS policy, the TLS
 * setup holding the opened key. Immutable; a replaced certificate is a new instance.
 */
final class ServedCertificate {

    private static final String WILDCARD = "*.";

    private final CertificateSnapshot snapshot;
    private final Map<TlsPolicy, SslProvider> providers;
    private final Set<String> exactNames = new HashSet<>();
    /** For each {@code *.example.com} name, {@code example.com}. */
    private final Set<String> wildcardParents = new HashSet<>();

    /**
     * @param providers one per {@link TlsPolicy}; empty where no handshake will be made (tests of selection)
     */
    ServedCertificate(CertificateSnapshot snapshot, Map<TlsPolicy, SslProvider> providers) {
        this.snapshot = snapshot;
        this.providers = providers.isEmpty() ? Map.of() : new EnumMap<>(providers);
        for (String name : snapshot.hostNames()) {
            String normalized = RoutingIndex.normalizeHost(name);
            if (normalized.startsWith(WILDCARD)) {
                wildcardParents.add(normalized.substring(WILDCARD.length()));
            } else {
                exactNames.add(normalized);
            }
        }
    }

    UUID id() {
        return snapshot.id();
    }

    CertificateSnapshot snapshot() {
        return snapshot;
    }

    /** @param host a normalized host name */
    boolean namesExactly(String host) {
        return exactNames.contains(host);
    }

    /** True when a wildcard name covers {@code host}: {@code *.example.com} covers one label, a.example.com. */
    boolean namesByWildcard(String host) {
        int dot = host.indexOf('.');
        return dot > 0 && wildcardParents.contains(host.substring(dot + 1));
    }

    SslProvider provider(TlsPolicy policy) {
        SslProvider provider = providers.get(policy);
        if (provider == null) {
            throw new IllegalStateException("certificate " + id() + " has no TLS setup for " + policy);
        }
        return provider;
    }
}
