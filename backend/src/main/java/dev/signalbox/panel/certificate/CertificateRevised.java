package dev.signalbox.panel.certificate;

import java.util.UUID;

import dev.signalbox.protocol.CertificateSnapshot;

/**
 * A certificate was created or replaced, published synchronously inside the transaction of the
 * change, so what it triggers (the outbox row) commits with it or not at all.
 *
 * @param snapshot what the gateway nodes get, the private key sealed with the data-plane key
 */
public record CertificateRevised(UUID tenantId, UUID certificateId, CertificateSnapshot snapshot) {
}
