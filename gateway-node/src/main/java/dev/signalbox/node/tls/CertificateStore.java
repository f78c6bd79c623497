package dev.signalbox.node.tls;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The certificates this node can serve right now, by id. Handshakes read it on the event loops
 * without locks; the certificate reader replaces entries whole.
 */
@Component
class CertificateStore {

    private final Map<UUID, ServedCertificate> certificates = new ConcurrentHashMap<>();

    @Nullable ServedCertificate get(UUID id) {
        return certificates.get(id);
    }

    void put(ServedCertificate certificate) {
        certificates.put(certificate.id(), certificate);
    }

    /** @return whether the store held it */
    boolean remove(UUID id) {
        return certificates.remove(id) != null;
    }

    Set<UUID> ids() {
        return Set.copyOf(certificates.keySet());
    }
}
