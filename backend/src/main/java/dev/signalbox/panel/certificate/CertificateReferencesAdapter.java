package dev.signalbox.panel.certificate;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.signalbox.panel.loadbalancer.CertificateReferences;

/** Lets listeners check the certificates they serve without depending on this feature. */
@Component
class CertificateReferencesAdapter implements CertificateReferences {

    private final CertificateRepository repository;

    CertificateReferencesAdapter(CertificateRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean exists(UUID tenantId, UUID certificateId) {
        return repository.existsByIdAndTenantId(certificateId, tenantId);
    }
}
