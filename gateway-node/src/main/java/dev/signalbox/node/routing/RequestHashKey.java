package dev.signalbox.node.routing;

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

import dev.signalbox.protocol.HashKeySnapshot;

/** Reads the value a consistent-hash group hashes from a request. */
final class RequestHashKey {

    private RequestHashKey() {
    }

    /**
     * The request's key, or null when it has none (no such header or cookie, no known client address),
     * in which case the selector spreads the request without a key.
     */
    static @Nullable String of(ServerHttpRequest request, @Nullable HashKeySnapshot hashKey) {
        if (hashKey == null) {
            return null;
        }
        return switch (hashKey.type()) {
            case SOURCE_IP -> sourceIp(request);
            case HEADER -> hashKey.name() == null ? null : request.getHeaders().getFirst(hashKey.name());
            case COOKIE -> cookie(request, hashKey.name());
        };
    }

    private static @Nullable String sourceIp(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private static @Nullable String cookie(ServerHttpRequest request, @Nullable String name) {
        if (name == null) {
            return null;
        }
        HttpCookie cookie = request.getCookies().getFirst(name);
        return cookie == null ? null : cookie.getValue();
    }
}
