package dev.signalbox.panel.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** The kinds of problem the API reports; each has a stable {@code type} URI clients may rely on. */
public enum ProblemType {
    VALIDATION("validation", "Invalid request", HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),
    UNAUTHORIZED("unauthorized", "Authentication required", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    LIMIT_EXCEEDED("limit-exceeded", "Limit exceeded", HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    UNAVAILABLE("unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", HttpStatus.PRECONDITION_FAILED),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key reused", HttpStatus.UNPROCESSABLE_CONTENT),
    IDEMPOTENCY_IN_PROGRESS("idempotency-in-progress", "Request in progress", HttpStatus.CONFLICT),
    CONCURRENT_CHANGE("concurrent-change", "Concurrent change", HttpStatus.CONFLICT),
    UNUSABLE_CERTIFICATE("unusable-certificate", "Unusable certificate", HttpStatus.UNPROCESSABLE_CONTENT);

    private static final String BASE = "https://signalbox.dev/problems/";

    private final URI type;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.type = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The type that describes a response of {@code status} when nothing more specific is known. */
    public static ProblemType forStatus(int status) {
        for (ProblemType candidate : values()) {
            if (candidate.status.value() == status && candidate != MALFORMED_REQUEST) {
                return candidate;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
