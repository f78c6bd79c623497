package dev.signalbox.node.retry;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Which failed attempts are tried again on another target. The rule, all of it:
 * <ul>
 * <li>a connect failure or connect timeout sent nothing, so any request is retried, whatever its
 *     method and body (the body was never read);
 * <li>a connection that broke before the first byte of the response is retried only for an
 *     idempotent method (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) without a body: the node never
 *     buffers bodies, so a body that went out once cannot go out again;
 * <li>a response timeout is never retried: the target may still be working on the request;
 * <li>a request makes at most 1 + max(retries, 1) attempts when connect failures are among the
 *     reasons, and 1 + retries otherwise, where retries is the group's setting (0 to 5): a group
 *     with retries 0 still moves a request on once when its target cannot be connected to.
 * </ul>
 * Each retry must also be granted by the group's {@link RetryBudget}.
 */
public final class RetryRule {

    /** The most retries a target group may ask for, as the protocol bounds them. */
    public static final int MAX_RETRIES = 5;

    private RetryRule() {
    }

    /**
     * Whether an attempt that failed with {@code failure} may be tried again.
     *
     * @param method       the request's method name
     * @param hasBody      whether the request carries a body: a positive length or a transfer coding
     * @param retriesDone  retries already made for this request
     * @param groupRetries the target group's retries setting
     */
    public static boolean allows(AttemptFailure failure, String method, boolean hasBody, int retriesDone,
            int groupRetries) {
        int retries = Math.min(Math.max(groupRetries, 0), MAX_RETRIES);
        return switch (failure) {
            case CONNECT_FAILED, CONNECT_TIMEOUT -> retriesDone < Math.max(retries, 1);
            case CONNECTION_BROKEN -> retriesDone < retries && !hasBody && isIdempotent(method);
            case RESPONSE_TIMEOUT, OTHER -> false;
        };
    }

    /** Idempotent methods as RFC 9110 (9.2.2) names them: repeating one has the effect of doing it once. */
    public static boolean isIdempotent(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE" -> true;
            default -> false;
        };
    }

    /** A request has a body when it announces a positive length or a transfer coding (chunked). */
    public static boolean hasBody(HttpHeaders headers) {
        if (headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return true;
        }
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.trim()) > 0;
        } catch (NumberFormatException e) {
            // the codec refuses such requests before they get here
            return false;
        }
    }
}
