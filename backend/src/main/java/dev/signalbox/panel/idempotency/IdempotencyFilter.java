package dev.signalbox.panel.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.problem.ProblemType;
import dev.signalbox.panel.rowsecurity.RowScope;
import dev.signalbox.panel.web.ProblemResponses;
import dev.signalbox.panel.web.RequestBodyLimitFilter;

/**
 * Honours {@code Idempotency-Key} on every authenticated POST of the API. Runs after Spring
 * Security's filter chain (order -100), so the caller is known, and before Spring MVC.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    /** Nobody to scope the key to (sign-up, log-in), or a response that must not be stored (a token's secret). */
    private static final Set<String> UNSUPPORTED = Set.of("/api/v1/signup", "/api/v1/session", "/api/v1/tokens");
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotentExecution execution;
    private final ProblemResponses problems;

    IdempotencyFilter(IdempotentExecution execution, ProblemResponses problems) {
        this.execution = execution;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(KEY_HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(KEY_HEADER);
        if (UNSUPPORTED.contains(request.getRequestURI())) {
            problems.write(request, response, ProblemType.VALIDATION, KEY_HEADER + " is not supported on POST "
                    + request.getRequestURI() + "; send the request without it");
            return;
        }
        SignalboxPrincipal principal = principal();
        if (principal == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!isValidKey(key)) {
            problems.write(request, response, ProblemType.VALIDATION, KEY_HEADER + " must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters, e.g. a UUID");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestBodyLimitFilter.BodyTooLargeException e) {
            problems.write(request, response, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than allowed");
            return;
        }
        IdempotencyScope scope = new IdempotencyScope(principal.tenantId(), principal.userId(), key);
        ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
        IdempotentExecution.Outcome outcome;
        // the security chain's CurrentUserFilter has entered the caller's row scope already; entering it
        // here again keeps the key's transaction in the tenant's scope even if the filter order changes
        try (RowScope.Entered ignored = RowScope.enterTenant(principal.tenantId())) {
            outcome = execution.run(scope, fingerprint(request, body),
                    () -> chain.doFilter(new CachedBodyRequest(request, body), caching), caching);
        } catch (RuntimeException e) {
            // e.g. the commit failed: the buffered success must not reach the client
            log.error("Idempotent {} {} failed", request.getMethod(), request.getRequestURI(), e);
            response.reset();
            problems.write(request, response, ProblemType.INTERNAL, "Something went wrong on our side; retry with the same "
                    + KEY_HEADER);
            return;
        }
        if (outcome instanceof IdempotentExecution.Outcome.Replay replay) {
            replay(replay.response(), response);
        } else if (outcome instanceof IdempotentExecution.Outcome.InProgress) {
            problems.write(request, response, ProblemType.IDEMPOTENCY_IN_PROGRESS, "A request with this " + KEY_HEADER
                    + " is still running; retry once it has finished to get its response");
        } else if (outcome instanceof IdempotentExecution.Outcome.KeyReused) {
            problems.write(request, response, ProblemType.IDEMPOTENCY_KEY_REUSED, "This " + KEY_HEADER
                    + " was used for a different request (method, path or body); use a new key for a new request");
        } else {
            caching.copyBodyToResponse();
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader("Location", stored.location());
        }
        if (stored.etag() != null) {
            response.setHeader("ETag", stored.etag());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private static @Nullable SignalboxPrincipal principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignalboxPrincipal principal
                ? principal : null;
    }

    private static boolean isValidKey(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    /** The same key must come with the same request: method, path, query and the exact body bytes. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
