package dev.signalbox.node.routing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;

/**
 * What routing reads of a request that arrived on a listener port: its head as the client sent it
 * and where it came from. Query parameters and cookies are parsed on first use only, so a request
 * whose rules never ask for them does not pay for them.
 *
 * @param head          the request line and headers
 * @param client        the client's address; null when unknown
 * @param listenerPort  the port the client connected to
 * @param secure        whether the connection is TLS
 */
public record ListenerRequest(HttpRequest head, @Nullable InetSocketAddress client, int listenerPort,
        boolean secure) {

    /** The method name, case-sensitive as sent. */
    public String method() {
        return head.method().name();
    }

    /** The path as sent, not percent-decoded; "/" for a request target without one. */
    public String rawPath() {
        String uri = head.uri();
        int end = pathEnd(uri);
        if (uri.startsWith("/")) {
            return uri.substring(0, end);
        }
        // absolute form (http://host/path): the path starts after the authority
        int scheme = uri.indexOf("://");
        int slash = scheme < 0 ? -1 : uri.indexOf('/', scheme + 3);
        return slash < 0 || slash >= end ? "/" : uri.substring(slash, end);
    }

    /** The query string as sent, without its '?'; empty when there is none. */
    public String rawQuery() {
        String uri = head.uri();
        int end = pathEnd(uri);
        // a '?' after a '#' is part of the fragment
        if (end == uri.length() || uri.charAt(end) != '?') {
            return "";
        }
        int fragment = uri.indexOf('#', end);
        return uri.substring(end + 1, fragment < 0 ? uri.length() : fragment);
    }

    /**
     * The query parameters in the order sent, names and values percent-decoded ('+' is a space) and
     * separated by '&' only. A parameter without '=' or with nothing after it has the value "", so
     * that rules can match it; a part that is not valid percent-encoding is taken as sent, so that
     * such a request is still routed.
     */
    public Map<String, List<String>> queryParameters() {
        String query = rawQuery();
        if (query.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        int start = 0;
        while (start < query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            if (end > start) {
                int equals = query.indexOf('=', start);
                boolean hasValue = equals >= 0 && equals < end;
                String name = decoded(query.substring(start, hasValue ? equals : end));
                String value = hasValue ? decoded(query.substring(equals + 1, end)) : "";
                parameters.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
            }
            start = end + 1;
        }
        return parameters;
    }

    /** The first value of header {@code name} (case-insensitive); null when not sent. */
    public @Nullable String header(CharSequence name) {
        return head.headers().get(name);
    }

    /** Every value of header {@code name}; empty when not sent. */
    public List<String> headers(CharSequence name) {
        return head.headers().getAll(name);
    }

    /** The value of the first cookie named {@code name}; null when not sent. */
    public @Nullable String cookie(String name) {
        List<String> cookieHeaders = head.headers().getAll(HttpHeaderNames.COOKIE);
        for (int i = 0; i < cookieHeaders.size(); i++) {
            for (Cookie cookie : ServerCookieDecoder.LAX.decodeAll(cookieHeaders.get(i))) {
                if (cookie.name().equals(name)) {
                    return cookie.value();
                }
            }
        }
        return null;
    }

    /** The client's IP address; null when unknown. */
    public @Nullable InetAddress clientAddress() {
        return client == null ? null : client.getAddress();
    }

    /** "https" or "http", as the client reached the listener. */
    public String scheme() {
        return secure ? "https" : "http";
    }

    /** The Host header without its port, as sent; null when there is none. */
    public @Nullable String host() {
        return hostOf(head.headers().get(HttpHeaderNames.HOST));
    }

    /** What a redirect's placeholders stand for in this request. */
    public RedirectTemplate.RequestParts redirectParts() {
        String host = host();
        return new RedirectTemplate.RequestParts(secure ? "HTTPS" : "HTTP", host == null ? "" : host, listenerPort,
                rawPath(), rawQuery());
    }

    /** The host of a Host header value ("name", "name:port", "[v6]:port"); null for none. */
    static @Nullable String hostOf(@Nullable String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty()) {
            return null;
        }
        if (hostHeader.charAt(0) == '[') {
            int close = hostHeader.indexOf(']');
            return close < 0 ? hostHeader : hostHeader.substring(0, close + 1);
        }
        int colon = hostHeader.lastIndexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }

    private static String decoded(String component) {
        try {
            return QueryStringDecoder.decodeComponent(component, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return component;
        }
    }

    private static int pathEnd(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '?' || c == '#') {
                return i;
            }
        }
        return uri.length();
    }
}
