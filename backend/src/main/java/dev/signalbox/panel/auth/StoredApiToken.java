package dev.signalbox.panel.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "api_tokens")
class StoredApiToken {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "user_id")
    private UUID userId;

    private String name;

    @Column(name = "token_prefix")
    private String tokenPrefix;

    @Column(name = "token_hash")
    private String tokenHash;

    /** Comma-separated scope names, e.g. {@code read,write}. */
    private String scopes;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    protected StoredApiToken() {
    }

    StoredApiToken(UserInfo owner, String name, ApiTokenSecrets.Issued issued, Set<TokenScope> scopes,
            Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.tenantId = owner.tenantId();
        this.userId = owner.id();
        this.name = name;
        this.tokenPrefix = issued.prefix();
        this.tokenHash = issued.hash();
        this.scopes = scopes.stream().sorted().map(TokenScope::wireName).collect(Collectors.joining(","));
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    UUID id() {
        return id;
    }

    UUID userId() {
        return userId;
    }

    UUID tenantId() {
        return tenantId;
    }

    boolean isUsableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Whether last-used is old enough to be worth a write: at most one update per token and interval. */
    boolean lastUseOlderThan(Duration interval, Instant now) {
        return lastUsedAt == null || lastUsedAt.plus(interval).isBefore(now);
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    Set<TokenScope> scopes() {
        Set<TokenScope> result = EnumSet.noneOf(TokenScope.class);
        Arrays.stream(scopes.split(",")).filter(s -> !s.isBlank()).map(TokenScope::fromWire).forEach(result::add);
        return result;
    }

    ApiTokenView view() {
        return new ApiTokenView(id, name, tokenPrefix, scopes(), createdAt, expiresAt, lastUsedAt);
    }
}
