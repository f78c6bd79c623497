package dev.signalbox.panel.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<StoredApiToken, UUID> {

    Optional<StoredApiToken> findByTokenHash(String tokenHash);

    /** With the row locked, so an If-Match check and the revocation cannot interleave with another change. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<StoredApiToken> findLockedByIdAndTenantIdAndUserId(UUID id, UUID tenantId, UUID userId);
    Optional<StoredApiToken> findByIdAndTenantIdAndUserId(UUID id, UUID tenantId, UUID userId);

    Optional<StoredApiToken> findByIdAndTenantId(UUID id, UUID tenantId);

    /** Rows of (token, owner e-mail). */
    @Query("select t, u.email from StoredApiToken t, User u where u.id = t.userId and t.tenantId = :tenantId"
            + " and t.revokedAt is null order by t.createdAt desc")
    List<Object[]> findActiveWithOwner(UUID tenantId);

    @Query("select t from StoredApiToken t where t.tenantId = :tenantId and t.userId = :userId and t.revokedAt is null"
            + " order by t.createdAt desc")
    List<StoredApiToken> findActive(UUID tenantId, UUID userId);

    /** A single UPDATE without loading the entity into the (read-mostly) authentication transaction. */
    @Modifying
    @Query("update StoredApiToken t set t.lastUsedAt = :usedAt where t.id = :id")
    void markUsed(UUID id, Instant usedAt);
}
