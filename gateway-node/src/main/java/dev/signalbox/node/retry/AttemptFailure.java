package dev.signalbox.node.retry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import io.netty.channel.ConnectTimeoutException;

/**
 * How an attempt to carry a request to a target failed, read from the error the proxy raised, and
 * what the client is told when no retry follows: 502 when the target could not be used, 504 when it
 * took too long. Bodies are short plain text, encoded once.
 */
public enum AttemptFailure {

    /** The target refused the connection or could not be reached: nothing was sent to it. */
    CONNECT_FAILED(HttpStatus.BAD_GATEWAY, "The target refused the connection or could not be reached.\n", true),
    /** The connection was not established within the group's connect timeout: nothing was sent. */
    CONNECT_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "The target did not accept the connection in time.\n", true),
    /** The connection closed or was reset before the first byte of a response. */
    CONNECTION_BROKEN(HttpStatus.BAD_GATEWAY, "The target closed the connection before it answered.\n", true),
    /** No response within the group's response timeout. */
    RESPONSE_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "The target did not answer in time.\n", true),
    /** Anything else: a fault of this node rather than of the target. */
    OTHER(HttpStatus.BAD_GATEWAY, "The request could not be forwarded to the target.\n", false);

    /** Errors wrap their causes only a few levels deep; the bound guards against cause cycles. */
    private static final int MAX_CAUSE_DEPTH = 8;

    private final HttpStatus status;
    private final byte[] body;
    private final boolean targetsFault;

    AttemptFailure(HttpStatus status, String body, boolean targetsFault) {
        this.status = status;
        this.body = body.getBytes(StandardCharsets.UTF_8);
        this.targetsFault = targetsFault;
    }

    /** The status the client gets when this failure ends the request. */
    public HttpStatus status() {
        return status;
    }

    /** The plain-text body the client gets with {@link #status()}; shared, never modify it. */
    public byte[] body() {
        return body;
    }

    /** Whether the failure says something about the target, so passive health counts it. */
    public boolean targetsFault() {
        return targetsFault;
    }

    /** Whether nothing of the request reached the target, so even a request with a body may go elsewhere. */
    public boolean nothingSent() {
        return this == CONNECT_FAILED || this == CONNECT_TIMEOUT;
    }

    /** Reads the failure from the error of an attempt, looking through wrapping exceptions. */
    public static AttemptFailure of(Throwable error) {
        @Nullable Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            AttemptFailure failure = ofSingle(current);
            if (failure != null) {
                return failure;
            }
            current = current.getCause();
        }
        return OTHER;
    }

    private static @Nullable AttemptFailure ofSingle(Throwable error) {
        // a connect timeout is a ConnectException too, so it is asked first
        if (error instanceof ConnectTimeoutException) {
            return CONNECT_TIMEOUT;
        }
        if (error instanceof ConnectException || error instanceof NoRouteToHostException
                || error instanceof UnknownHostException) {
            return CONNECT_FAILED;
        }
        // reset by peer, broken pipe: the connection went away under the request
        if (error instanceof IOException) {
            return CONNECTION_BROKEN;
        }
        return null;
    }
}
