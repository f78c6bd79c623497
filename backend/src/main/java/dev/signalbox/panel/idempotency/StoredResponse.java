package dev.signalbox.panel.idempotency;

import org.jspecify.annotations.Nullable;

/**
 * The first response to a request with an idempotency key, as it is replayed.
 *
 * @param requestHash digest of the request's method, path, query and body, to detect a reused key
 */
record StoredResponse(String requestHash, int status, @Nullable String contentType, @Nullable String location,
        @Nullable String etag, byte[] body) {
}
