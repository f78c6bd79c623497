package dev.signalbox.panel.certificate;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface CertificateRepository extends JpaRepository<StoredCertificate, UUID> {

    Optional<StoredCertificate> findByIdAndTenantId(UUID id, UUID tenantId);

    /**
     * With the row locked: an If-Match check and the change it guards cannot interleave with another,
     * and a listener binding the certificate (its foreign key check shares the row) waits or is waited for.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<StoredCertificate> findLockedByIdAndTenantId(UUID id, UUID tenantId);

    boolean existsByIdAndTenantId(UUID id, UUID tenantId);

    boolean existsByTenantIdAndName(UUID tenantId, String name);

    long countByTenantId(UUID tenantId);
}
