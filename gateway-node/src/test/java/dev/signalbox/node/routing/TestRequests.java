package dev.signalbox.node.routing;

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Requests as a listener port hands them to routing: a Netty request head, built here the way the
 * HTTP codec would decode it, from a client on port 8000 over plain HTTP unless a test says otherwise.
 */
final class TestRequests {

    static final int LISTENER_PORT = 8000;
    static final InetSocketAddress CLIENT = new InetSocketAddress("192.0.2.1", 50000);

    private TestRequests() {
    }

    /** A GET of {@code uri} with the given header names and values, in pairs. */
    static ListenerRequest get(String uri, String... headers) {
        return request(HttpMethod.GET, uri, headers);
    }

    static ListenerRequest request(HttpMethod method, String uri, String... headers) {
        return new ListenerRequest(head(method, uri, headers), CLIENT, LISTENER_PORT, false);
    }

    /** A GET of "/" from a client at {@code address}; null for a client whose address is unknown. */
    static ListenerRequest from(@Nullable InetSocketAddress address) {
        return new ListenerRequest(head(HttpMethod.GET, "/"), address, LISTENER_PORT, false);
    }

    static HttpRequest head(HttpMethod method, String uri, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("header names and values come in pairs");
        }
        var head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri);
        for (int i = 0; i < headers.length; i += 2) {
            head.headers().add(headers[i], headers[i + 1]);
        }
        return head;
    }
}
