package dev.signalbox.panel.audit;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who did something: a user (e-mail), an API token of a user (name and id), or for a failed login
 * the address that was tried.
 */
record AuditActor(String display, @Nullable String email, @Nullable UUID tokenId) {
}
