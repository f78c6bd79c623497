package dev.signalbox.panel.auth;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated {@link SignalboxPrincipal}; kept in the session for console logins. */
final class PrincipalAuthentication extends AbstractAuthenticationToken {

    private final SignalboxPrincipal principal;

    PrincipalAuthentication(SignalboxPrincipal principal) {
        super(principal.authorities());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public SignalboxPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.user().email();
    }
}
