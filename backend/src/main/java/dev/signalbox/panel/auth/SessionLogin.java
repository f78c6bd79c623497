package dev.signalbox.panel.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.time.Clock;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Starts and ends console sessions for the current HTTP request. */
@Component
public class SessionLogin {

    /** Session attribute: when the session's user logged in (epoch ms), for the absolute lifetime. */
    static final String LOGIN_AT = "signalbox.loginAt";

    private final SecurityContextRepository contextRepository;
    private final CsrfTokenRepository csrfTokens;
    private final PlatformOperators operators;
    private final Clock clock;
    private final int idleTimeoutSeconds;

    SessionLogin(SecurityContextRepository contextRepository, CsrfTokenRepository csrfTokens,
            PlatformOperators operators, Clock clock, AuthProperties properties) {
        this.contextRepository = contextRepository;
        this.csrfTokens = csrfTokens;
        this.operators = operators;
        this.clock = clock;
        this.idleTimeoutSeconds = (int) Math.max(1, properties.session().idleTimeout().toSeconds());
    }

    /** Signs {@code user} in: a fresh session id (no fixation) and a fresh CSRF token. */
    public void logIn(UserInfo user) {
        ServletRequestAttributes attributes = currentRequest();
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        // the servlet container ends the session after this much idleness; the absolute lifetime is ours
        session.setMaxInactiveInterval(idleTimeoutSeconds);
        session.setAttribute(LOGIN_AT, clock.millis());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PrincipalAuthentication(SignalboxPrincipal.session(user, operators.isOperator(user))));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        CsrfToken csrfToken = csrfTokens.generateToken(request);
        csrfTokens.saveToken(csrfToken, request, response);
    }

    void logOut() {
        ServletRequestAttributes attributes = currentRequest();
        var session = attributes.getRequest().getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    private static ServletRequestAttributes currentRequest() {
        if (RequestContextHolder.currentRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getResponse() != null) {
            return attributes;
        }
        throw new IllegalStateException("Session login outside of an HTTP request");
    }
}
