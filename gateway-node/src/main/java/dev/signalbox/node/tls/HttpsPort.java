package dev.signalbox.node.tls;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.signalbox.node.routing.RoutingIndex;

/**
 * One listener port with HTTPS listeners, and how a TLS handshake on it picks a certificate:
 * <ol>
 * <li>the server name the client asks for (SNI) picks the listener of the load balancer answering
 *     for that host on this port, and among that listener's certificates the first naming the host
 *     exactly, else the first naming it by wildcard, else the listener's first (its default);</li>
 * <li>no server name, or one no load balancer on the port answers for, gets the port's default:
 *     the first certificate of the port's first listener, listeners ordered by load balancer id.</li>
 * </ol>
 * At every step only usable certificates count: received, opened, and of the listener's tenant.
 *
 * @param listeners the port's HTTPS listeners, by load balancer id
 * @param byHost    the listener answering for each normalized host name
 */
record HttpsPort(List<Listener> listeners, Map<String, Listener> byHost) {

    /**
     * @param tenantId       tenant of the listener's load balancer
     * @param certificateIds the listener's certificates, its default first
     * @param policy         its TLS versions and ciphers
     */
    record Listener(UUID loadBalancerId, UUID tenantId, List<UUID> certificateIds, TlsPolicy policy) {

        public Listener {
            certificateIds = List.copyOf(certificateIds);
        }
    }

    /** The certificate a handshake gets, and the policy it is served with. */
    record Selection(ServedCertificate certificate, TlsPolicy policy) {
    }

    HttpsPort {
        listeners = List.copyOf(listeners);
        byHost = Map.copyOf(byHost);
    }

    /**
     * @param serverName   the SNI host name, null when the client sent none
     * @param certificates the certificates received so far, by id
     * @return null when no listener of the port has a usable certificate
     */
    @Nullable Selection select(@Nullable String serverName, Function<UUID, @Nullable ServedCertificate> certificates) {
        if (serverName != null) {
            String host = RoutingIndex.normalizeHost(serverName);
            Listener listener = byHost.get(host);
            if (listener != null) {
                ServedCertificate chosen = naming(listener, host, certificates);
                if (chosen == null) {
                    chosen = firstUsable(listener, certificates);
                }
                if (chosen != null) {
                    return new Selection(chosen, listener.policy());
                }
            }
        }
        return portDefault(certificates);
    }

    /** What a handshake without a known server name gets; null when nothing on the port can be served. */
    @Nullable Selection portDefault(Function<UUID, @Nullable ServedCertificate> certificates) {
        for (Listener listener : listeners) {
            ServedCertificate first = firstUsable(listener, certificates);
            if (first != null) {
                return new Selection(first, listener.policy());
            }
        }
        return null;
    }

    private static @Nullable ServedCertificate naming(Listener listener, String host,
            Function<UUID, @Nullable ServedCertificate> certificates) {
        ServedCertificate byWildcard = null;
        for (UUID id : listener.certificateIds()) {
            ServedCertificate certificate = usable(listener, id, certificates);
            if (certificate != null) {
                if (certificate.namesExactly(host)) {
                    return certificate;
                }
                if (byWildcard == null && certificate.namesByWildcard(host)) {
                    byWildcard = certificate;
                }
            }
        }
        return byWildcard;
    }

    private static @Nullable ServedCertificate firstUsable(Listener listener,
            Function<UUID, @Nullable ServedCertificate> certificates) {
        for (UUID id : listener.certificateIds()) {
            ServedCertificate certificate = usable(listener, id, certificates);
            if (certificate != null) {
                return certificate;
            }
        }
        return null;
    }

    /** A listener never serves another tenant's certificate, even if its snapshot names one. */
    private static @Nullable ServedCertificate usable(Listener listener, UUID id,
            Function<UUID, @Nullable ServedCertificate> certificates) {
        ServedCertificate certificate = certificates.apply(id);
        return certificate != null && certificate.snapshot().tenantId().equals(listener.tenantId()) ? certificate : null;
    }
}
