package dev.signalbox.panel.certificate;

import java.util.UUID;

/** A certificate was deleted, published synchronously inside the transaction of the change. */
public record CertificateDeleted(UUID tenantId, UUID certificateId) {
}
