package dev.signalbox.panel.auth;

import java.util.UUID;

/** A user as other features see it (never with its password hash). */
public record UserInfo(UUID id, UUID tenantId, String email, String displayName, Role role) {
}
