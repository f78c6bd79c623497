package dev.signalbox.node.tls;

import java.util.Set;
import java.util.UUID;

/**
 * Published after certificates were added, replaced or removed, on the thread that changed them.
 * Handshakes pick up the change by themselves; listener ports waiting for a first certificate, or
 * left without one, need this to bind or unbind.
 *
 * @param certificateIds the certificates that changed
 */
public record CertificatesChanged(Set<UUID> certificateIds) {

    public CertificatesChanged {
        certificateIds = Set.copyOf(certificateIds);
    }
}
