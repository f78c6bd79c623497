package dev.signalbox.panel.auth;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.conditional.EntityTag;

/** An API token without its secret. */
record ApiTokenView(UUID id, String name, String prefix, Set<TokenScope> scopes, Instant createdAt,
        Instant expiresAt, @Nullable Instant lastUsedAt) {

    /** Of what the owner set; using the token (last-used time) does not make a read tag stale. */
    EntityTag entityTag() {
        return EntityTag.of(List.of(id, name, prefix, scopes.stream().sorted().toList(), createdAt, expiresAt));
    }
}
