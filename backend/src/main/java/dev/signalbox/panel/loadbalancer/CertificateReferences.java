package dev.signalbox.panel.loadbalancer;

import java.util.UUID;

/**
 * Answers whether an HTTPS listener may serve a certificate. Implemented by the certificate
 * feature, which depends on this one, so the dependency runs one way only.
 */
public interface CertificateReferences {

    /** Whether the certificate exists in the tenant (another tenant's does not). */
    boolean exists(UUID tenantId, UUID certificateId);
}
