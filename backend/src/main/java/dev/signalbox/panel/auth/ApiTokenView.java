package dev.signalbox.panel.auth;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An API token without its secret. */
record ApiTokenView(UUID id, String name, String prefix, Set<TokenScope> scopes, Instant createdAt,
        Instant expiresAt, @Nullable Instant lastUsedAt) {
}
