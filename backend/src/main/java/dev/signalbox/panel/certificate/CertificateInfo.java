package dev.signalbox.panel.certificate;

import java.time.Instant;
import java.util.UUID;

import dev.signalbox.panel.conditional.EntityTag;

/**
 * A certificate as the API shows it: never its private key.
 *
 * @param revision bumped by every replacement
 * @param chainPem the chain, leaf first
 */
record CertificateInfo(UUID id, String name, long revision, CertificateDetails details, String chainPem,
        Instant createdAt, Instant updatedAt) {

    EntityTag entityTag() {
        return EntityTag.of(this);
    }
}
