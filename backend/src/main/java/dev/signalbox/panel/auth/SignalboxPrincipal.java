package dev.signalbox.panel.auth;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The user a request runs as, and how it authenticated. Rights are computed from the user's role
 * as it is now (re-read on every request, for sessions and tokens alike), so a token never exceeds
 * its user: effective rights are the smaller of the token's scopes and the user's current role.
 *
 * @param token    the API token used, or null for a console session
 * @param operator whether the user is a platform operator (by configuration)
 */
public record SignalboxPrincipal(UserInfo user, boolean viaSession, Set<TokenScope> tokenScopes,
        @Nullable TokenRef token, boolean operator) implements Serializable {

    /** Granted to every authenticated caller: reading the tenant's configuration. */
    public static final String READ_CONFIG = "config:read";
    /** Granted to admins and editors, for a token only with the write scope. */
    public static final String WRITE_CONFIG = "config:write";
    /** Granted only to console sessions: managing API tokens needs a person, not a token. */
    public static final String CONSOLE_SESSION = "auth:session";
    /** Admins: seeing the tenant's users, invitations and tokens. */
    public static final String READ_TENANT_ADMIN = "tenant:admin-read";
    /** Admins, for a token only with the write scope: inviting, re-roling and removing users, revoking any token. */
    public static final String WRITE_TENANT_ADMIN = "tenant:admin-write";
    /** Admins and editors: reading the audit log. */
    public static final String READ_AUDIT = "audit:read";
    /** Platform operators: all tenants and the node fleet. */
    public static final String OPERATE_PLATFORM = "platform:operate";

    /** The API token a request authenticated with. */
    public record TokenRef(UUID id, String name) implements Serializable {
    }

    public SignalboxPrincipal {
        tokenScopes = Set.copyOf(tokenScopes);
    }

    public SignalboxPrincipal(UserInfo user, boolean viaSession, Set<TokenScope> tokenScopes) {
        this(user, viaSession, tokenScopes, null, false);
    }

    static SignalboxPrincipal session(UserInfo user) {
        return session(user, false);
    }

    static SignalboxPrincipal session(UserInfo user, boolean operator) {
        return new SignalboxPrincipal(user, true, Set.of(), null, operator);
    }

    static SignalboxPrincipal token(UserInfo user, Set<TokenScope> scopes) {
        return new SignalboxPrincipal(user, false, scopes, null, false);
    }

    static SignalboxPrincipal token(UserInfo user, TokenRef token, Set<TokenScope> scopes, boolean operator) {
        return new SignalboxPrincipal(user, false, scopes, token, operator);
    }

    /** The same principal for the user as the database has it now (another role, say). */
    SignalboxPrincipal withUser(UserInfo current, boolean currentlyOperator) {
        return new SignalboxPrincipal(current, viaSession, tokenScopes, token, currentlyOperator);
    }

    public UUID tenantId() {
        return user.tenantId();
    }

    public UUID userId() {
        return user.id();
    }

    /** Who made a change, for revision history and audit. */
    public String actor() {
        if (viaSession) {
            return user.email();
        }
        return token == null ? user.email() + " (API token)"
                : user.email() + " (API token '" + token.name() + "' " + token.id() + ")";
    }

    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        Role role = user.role();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        authorities.add(new SimpleGrantedAuthority(READ_CONFIG));
        boolean writeAllowed = viaSession || tokenScopes.contains(TokenScope.WRITE);
        if (writeAllowed && role.mayChangeConfig()) {
            authorities.add(new SimpleGrantedAuthority(WRITE_CONFIG));
        }
        if (role.mayAdministerTenant()) {
            authorities.add(new SimpleGrantedAuthority(READ_TENANT_ADMIN));
            if (writeAllowed) {
                authorities.add(new SimpleGrantedAuthority(WRITE_TENANT_ADMIN));
            }
        }
        if (role.mayReadAudit()) {
            authorities.add(new SimpleGrantedAuthority(READ_AUDIT));
        }
        if (viaSession) {
            authorities.add(new SimpleGrantedAuthority(CONSOLE_SESSION));
        }
        if (operator) {
            authorities.add(new SimpleGrantedAuthority(OPERATE_PLATFORM));
        }
        return authorities;
    }
}
