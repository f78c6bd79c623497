package dev.signalbox.node.routing;

import java.net.InetAddress;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.HashKeySnapshot;

/** Reads the value a consistent-hash group hashes from a request. */
final class RequestHashKey {

    private RequestHashKey() {
    }

    /**
     * The request's key, or null when it has none (no such header or cookie, no known client address),
     * in which case the selector spreads the request without a key.
     */
    static @Nullable String of(ListenerRequest request, @Nullable HashKeySnapshot hashKey) {
        if (hashKey == null) {
            return null;
        }
        return switch (hashKey.type()) {
            case SOURCE_IP -> sourceIp(request);
            case HEADER -> hashKey.name() == null ? null : request.header(hashKey.name());
            case COOKIE -> hashKey.name() == null ? null : request.cookie(hashKey.name());
        };
    }

    private static @Nullable String sourceIp(ListenerRequest request) {
        InetAddress address = request.clientAddress();
        if (address != null) {
            return address.getHostAddress();
        }
        return request.client() == null ? null : request.client().getHostString();
    }
}
