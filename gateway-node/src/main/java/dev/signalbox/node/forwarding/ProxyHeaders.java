package dev.signalbox.node.forwarding;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/**
 * The headers a request carries to its target and its response back to the client. Like any load
 * balancer on the edge (ALB does the same), the node
 * <ul>
 * <li>drops hop-by-hop headers (RFC 9110 7.6.1) and any the {@code Connection} header names, both
 *     ways, except the {@code Upgrade} of a protocol upgrade;
 * <li>appends the client's address to {@code X-Forwarded-For}, and sets {@code X-Forwarded-Proto},
 *     {@code X-Forwarded-Host} (the Host the client sent) and {@code X-Forwarded-Port} (the listener
 *     port) itself, whatever the client sent;
 * <li>keeps the client's {@code Host}, and gives both the target and the client the request id;
 * <li>speaks HTTP/1.1 with keep-alive to the target whatever the client speaks.
 * </ul>
 * Transfer-Encoding stays: the codecs decode and re-encode chunked bodies on each connection.
 */
final class ProxyHeaders {

    static final AsciiString REQUEST_ID = AsciiString.cached("x-request-id");
    static final AsciiString FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    static final AsciiString FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    static final AsciiString FORWARDED_HOST = AsciiString.cached("x-forwarded-host");
    static final AsciiString FORWARDED_PORT = AsciiString.cached("x-forwarded-port");
    private static final AsciiString PROXY_CONNECTION = AsciiString.cached("proxy-connection");
    private static final AsciiString HTTPS = AsciiString.cached("https");
    private static final AsciiString HTTP = AsciiString.cached("http");

    private ProxyHeaders() {
    }

    /**
     * Turns the client's request head into the one sent to the target, in place.
     *
     * @param upgrade whether the request asks for a protocol upgrade (WebSocket), which keeps its Upgrade header
     */
    /**
     * @param client  the client's IP address as text; null when unknown
     */
    static void toTarget(HttpRequest head, CharSequence requestId, @Nullable String client, int listenerPort,
            boolean secure, boolean upgrade) {
        HttpHeaders headers = head.headers();
        dropHopByHop(headers, upgrade);
        head.setProtocolVersion(HttpVersion.HTTP_1_1);
        if (upgrade) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
        }
        if (client != null) {
            String chain = headers.get(FORWARDED_FOR);
            headers.set(FORWARDED_FOR, chain == null || chain.isBlank() ? client : chain + ", " + client);
        }
        headers.set(FORWARDED_PROTO, secure ? HTTPS : HTTP);
        String host = headers.get(HttpHeaderNames.HOST);
        if (host != null) {
            headers.set(FORWARDED_HOST, host);
        } else {
            headers.remove(FORWARDED_HOST);
        }
        headers.set(FORWARDED_PORT, listenerPort);
        headers.set(REQUEST_ID, requestId);
        String uri = head.uri();
        if (!uri.startsWith("/") && !"*".equals(uri)) {
            // absolute form, as sent to a forward proxy: targets get the origin form
            int scheme = uri.indexOf("://");
            int path = scheme < 0 ? -1 : uri.indexOf('/', scheme + 3);
            head.setUri(path < 0 ? "/" : uri.substring(path));
        }
    }

    /**
     * Turns the target's response head into the one sent to the client, in place.
     *
     * @param keepAlive  whether the client connection stays open after this response
     * @param setCookies Set-Cookie values the node adds (sticky sessions)
     */
    static void toClient(HttpResponse head, CharSequence requestId, boolean keepAlive, List<String> setCookies,
            HttpVersion clientVersion) {
        HttpHeaders headers = head.headers();
        boolean upgrade = head.status().code() == 101;
        dropHopByHop(headers, upgrade);
        head.setProtocolVersion(HttpVersion.HTTP_1_1);
        if (upgrade) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
        } else {
            connection(head, keepAlive, clientVersion);
        }
        headers.set(REQUEST_ID, requestId);
        for (int i = 0; i < setCookies.size(); i++) {
            headers.add(HttpHeaderNames.SET_COOKIE, setCookies.get(i));
        }
    }

    /** Says whether the connection stays open, as the client's HTTP version needs to hear it. */
    static void connection(HttpResponse head, boolean keepAlive, HttpVersion clientVersion) {
        if (!keepAlive) {
            head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (!clientVersion.isKeepAliveDefault()) {
            head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        if (keepAlive && !HttpUtil.isContentLengthSet(head) && !HttpUtil.isTransferEncodingChunked(head)
                && mayHaveBody(head)) {
            // a body that ends when the target closes: chunk it, so the client connection can stay open
            HttpUtil.setTransferEncodingChunked(head, true);
        }
    }

    private static boolean mayHaveBody(HttpResponse head) {
        int status = head.status().code();
        return status >= 200 && status != 204 && status != 304;
    }

    /** Drops the headers a Connection header value names ("close" and "keep-alive" name none). */
    private static void dropNamed(HttpHeaders headers, String connection, boolean upgrade) {
        int start = 0;
        while (start < connection.length()) {
            int comma = connection.indexOf(',', start);
            int end = comma < 0 ? connection.length() : comma;
            String name = connection.substring(start, end).trim();
            if (!name.isEmpty() && !HttpHeaderValues.CLOSE.contentEqualsIgnoreCase(name)
                    && !HttpHeaderValues.KEEP_ALIVE.contentEqualsIgnoreCase(name)
                    && !(upgrade && HttpHeaderNames.UPGRADE.contentEqualsIgnoreCase(name))) {
                headers.remove(name);
            }
            start = end + 1;
        }
    }

    private static void dropHopByHop(HttpHeaders headers, boolean upgrade) {
        if (headers.contains(HttpHeaderNames.CONNECTION)) {
            List<String> connection = headers.getAll(HttpHeaderNames.CONNECTION);
            for (int i = 0; i < connection.size(); i++) {
                dropNamed(headers, connection.get(i), upgrade);
            }
            headers.remove(HttpHeaderNames.CONNECTION);
        }
        headers.remove(HttpHeaderNames.KEEP_ALIVE);
        headers.remove(PROXY_CONNECTION);
        headers.remove(HttpHeaderNames.PROXY_AUTHENTICATE);
        headers.remove(HttpHeaderNames.PROXY_AUTHORIZATION);
        headers.remove(HttpHeaderNames.TE);
        headers.remove(HttpHeaderNames.TRAILER);
        if (!upgrade) {
            headers.remove(HttpHeaderNames.UPGRADE);
        }
    }
}
