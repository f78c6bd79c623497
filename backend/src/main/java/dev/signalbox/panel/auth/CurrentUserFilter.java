package dev.signalbox.panel.auth;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.signalbox.panel.rowsecurity.RowScope;

/**
 * Runs after authentication, before authorization. For a console session it ends sessions past
 * their absolute lifetime and re-reads the user, so a removed user is signed out and a changed
 * role applies at once (tokens re-read their user anyway). Then it runs the rest of the request
 * in the row scope of the caller's tenant.
 */
public final class CurrentUserFilter extends OncePerRequestFilter {

    private final UserAccounts users;
    private final PlatformOperators operators;
    private final SecurityContextRepository contextRepository;
    private final Clock clock;
    private final long absoluteLifetimeMillis;

    CurrentUserFilter(UserAccounts users, PlatformOperators operators, SecurityContextRepository contextRepository,
            Clock clock, AuthProperties properties) {
        this.users = users;
        this.operators = operators;
        this.contextRepository = contextRepository;
        this.clock = clock;
        this.absoluteLifetimeMillis = properties.session().absoluteLifetime().toMillis();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<SignalboxPrincipal> principal = currentPrincipal();
        if (principal.isPresent() && principal.get().viaSession()) {
            principal = refreshSession(principal.get(), request, response);
        }
        if (principal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try (RowScope.Entered ignored = RowScope.enterTenant(principal.get().tenantId())) {
            chain.doFilter(request, response);
        }
    }

    private Optional<SignalboxPrincipal> refreshSession(SignalboxPrincipal principal, HttpServletRequest request,
            HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Object loginAt = session == null ? null : session.getAttribute(SessionLogin.LOGIN_AT);
        boolean expired = !(loginAt instanceof Long since) || clock.millis() - since > absoluteLifetimeMillis;
        Optional<UserInfo> current = expired ? Optional.empty()
                : RowScope.tenant(principal.tenantId(), () -> users.find(principal.userId()))
                        .filter(user -> user.tenantId().equals(principal.tenantId()));
        if (current.isEmpty()) {
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            return Optional.empty();
        }
        SignalboxPrincipal refreshed = principal.withUser(current.get(), operators.isOperator(current.get()));
        if (!refreshed.equals(principal)) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new PrincipalAuthentication(refreshed));
            SecurityContextHolder.setContext(context);
            contextRepository.saveContext(context, request, response);
        }
        return Optional.of(refreshed);
    }

    private static Optional<SignalboxPrincipal> currentPrincipal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignalboxPrincipal principal
                ? Optional.of(principal) : Optional.empty();
    }
}
