package dev.signalbox.panel.auth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.signalbox.panel.rowsecurity.RowScope;

/**
 * Authenticates {@code Authorization: Bearer sbx_…} for this request only (nothing goes into the
 * session). It sits after the exception translation filter, so a bad token becomes a 401 problem.
 */
public final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;

    ApiTokenAuthenticationFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** Whether the request carries a bearer token: such requests are not cookie-authenticated, so need no CSRF token. */
    public static boolean hasBearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasBearerToken(request)) {
            String presented = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).trim();
            // the token is what tells the tenant, so the lookup sees every tenant's tokens
            SignalboxPrincipal principal = RowScope.system(() -> tokens.authenticate(presented))
                    .orElseThrow(() -> new BadCredentialsException("The API token is unknown, expired or revoked"));
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new PrincipalAuthentication(principal));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
