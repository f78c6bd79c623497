package dev.signalbox.panel.auth;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The user a request runs as, and how it authenticated. A token's rights are computed from the
 * user's current role on every request, so a token never exceeds its user.
 */
public record SignalboxPrincipal(UserInfo user, boolean viaSession, Set<TokenScope> tokenScopes)
        implements Serializable {

    /** Granted to every authenticated caller: reading the tenant's configuration. */
    public static final String READ_CONFIG = "config:read";
    /** Granted to admins and editors, for a token only with the write scope. */
    public static final String WRITE_CONFIG = "config:write";
    /** Granted only to console sessions: managing API tokens needs a person, not a token. */
    public static final String CONSOLE_SESSION = "auth:session";

    public SignalboxPrincipal {
        tokenScopes = Set.copyOf(tokenScopes);
    }

    static SignalboxPrincipal session(UserInfo user) {
        return new SignalboxPrincipal(user, true, Set.of());
    }

    static SignalboxPrincipal token(UserInfo user, Set<TokenScope> scopes) {
        return new SignalboxPrincipal(user, false, scopes);
    }

    public UUID tenantId() {
        return user.tenantId();
    }

    public UUID userId() {
        return user.id();
    }

    /** Who made a change, for revision history and audit. */
    public String actor() {
        return viaSession ? user.email() : user.email() + " (API token)";
    }

    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
        authorities.add(new SimpleGrantedAuthority(READ_CONFIG));
        boolean writeAllowed = viaSession || tokenScopes.contains(TokenScope.WRITE);
        if (writeAllowed && user.role().mayChangeConfig()) {
            authorities.add(new SimpleGrantedAuthority(WRITE_CONFIG));
        }
        if (viaSession) {
            authorities.add(new SimpleGrantedAuthority(CONSOLE_SESSION));
        }
        return authorities;
    }
}
