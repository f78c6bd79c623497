package dev.signalbox.panel.auth;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The principal of the current request; the security rules guarantee there is one on {@code /api/v1}. */
@Component
public class CurrentPrincipal {

    public SignalboxPrincipal get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
    }

    /** The principal, if the current thread runs for a signed-in caller. */
    public Optional<SignalboxPrincipal> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignalboxPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }
}
