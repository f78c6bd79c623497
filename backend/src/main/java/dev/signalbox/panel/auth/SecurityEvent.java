package dev.signalbox.panel.auth;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A security-relevant event for the audit log (sign-up, login, lockout, tokens, invitations, roles).
 * Published synchronously: inside the transaction of the change it describes, if there is one.
 * The audit log takes the actor from the signed-in principal and the source address from the
 * request; {@code actorEmail} names the actor when nobody is signed in (a failed login).
 *
 * @param tenantId null when no tenant can be told (a failed login for an unknown e-mail)
 * @param before   the values the event changed, as they were (empty when nothing existed)
 * @param after    the values as they are now (empty when the thing is gone)
 */
public record SecurityEvent(@Nullable UUID tenantId, String action, String resourceType, @Nullable String resourceId,
        String summary, @Nullable String actorEmail, Map<String, Object> before, Map<String, Object> after) {

    public static final String SIGNUP = "tenant.signed-up";
    public static final String LOGIN = "session.login";
    public static final String LOGIN_FAILED = "session.login-failed";
    public static final String LOCKED_OUT = "session.locked-out";
    public static final String LOGOUT = "session.logout";
    public static final String TOKEN_CREATED = "token.created";
    public static final String TOKEN_REVOKED = "token.revoked";
    public static final String INVITATION_SENT = "invitation.sent";
    public static final String INVITATION_ACCEPTED = "invitation.accepted";
    public static final String INVITATION_REVOKED = "invitation.revoked";
    public static final String ROLE_CHANGED = "user.role-changed";
    public static final String USER_REMOVED = "user.removed";

    public SecurityEvent {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    /** An event that changed nothing one could diff (a login, a logout). */
    public static SecurityEvent of(@Nullable UUID tenantId, String action, String resourceType,
            @Nullable String resourceId, String summary, @Nullable String actorEmail) {
        return new SecurityEvent(tenantId, action, resourceType, resourceId, summary, actorEmail, Map.of(), Map.of());
    }
}
