package dev.signalbox.panel.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, UUID> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    Optional<Invitation> findByIdAndTenantId(UUID id, UUID tenantId);

    /** Locked, so two accepts of one link cannot both succeed. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invitation i where i.id = :id and i.tenantId = :tenantId")
    Optional<Invitation> lockByIdAndTenantId(UUID id, UUID tenantId);

    @Query("select i from Invitation i where i.tenantId = :tenantId and i.acceptedAt is null and i.revokedAt is null"
            + " and i.expiresAt > :now order by i.createdAt desc")
    List<Invitation> findPending(UUID tenantId, Instant now);

    @Query("select i from Invitation i where i.tenantId = :tenantId and i.email = :email and i.acceptedAt is null"
            + " and i.revokedAt is null")
    List<Invitation> findOpenFor(UUID tenantId, String email);
}
