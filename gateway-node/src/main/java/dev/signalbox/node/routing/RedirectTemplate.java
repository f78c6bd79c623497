package dev.signalbox.node.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.signalbox.protocol.RedirectSnapshot;

/**
 * A redirect's Location, split once into literal text and the placeholders {@code #{protocol}},
 * {@code #{host}}, {@code #{port}}, {@code #{path}} and {@code #{query}}. As on ALB, {@code #{path}}
 * is the request path without its leading slash (the default path being {@code /#{path}}), the
 * port is left out when it is the protocol's default, and the query is appended after a {@code ?}
 * only when it is not empty.
 */
public final class RedirectTemplate {

    /** The request's values the placeholders stand for. */
    public record RequestParts(String protocol, String host, int port, String path, String query) {
    }

    private enum Placeholder { PROTOCOL, HOST, PORT, PATH, QUERY }

    /** A part is a list of literal strings and {@link Placeholder}s. */
    private final List<Object> protocol;
    private final List<Object> host;
    private final List<Object> port;
    private final List<Object> path;
    private final List<Object> query;

    private RedirectTemplate(RedirectSnapshot redirect) {
        this.protocol = parse(redirect.protocol());
        this.host = parse(redirect.host());
        this.port = parse(redirect.port());
        this.path = parse(redirect.path());
        this.query = parse(redirect.query());
    }

    static RedirectTemplate compile(RedirectSnapshot redirect) {
        return new RedirectTemplate(redirect);
    }

    public String location(RequestParts request) {
        String scheme = expand(protocol, request).toLowerCase(Locale.ROOT);
        String portText = expand(port, request);
        StringBuilder location = new StringBuilder(64).append(scheme).append("://").append(expand(host, request));
        if (!portText.isEmpty() && !isDefaultPort(scheme, portText)) {
            location.append(':').append(portText);
        }
        String pathText = expand(path, request);
        if (!pathText.startsWith("/")) {
            location.append('/');
        }
        location.append(pathText);
        String queryText = expand(query, request);
        if (!queryText.isEmpty()) {
            location.append('?').append(queryText);
        }
        return location.toString();
    }

    private static boolean isDefaultPort(String scheme, String port) {
        return ("http".equals(scheme) && "80".equals(port)) || ("https".equals(scheme) && "443".equals(port));
    }

    private static String expand(List<Object> part, RequestParts request) {
        if (part.size() == 1 && part.get(0) instanceof String literal) {
            return literal;
        }
        StringBuilder text = new StringBuilder();
        for (Object piece : part) {
            if (piece instanceof Placeholder placeholder) {
                text.append(switch (placeholder) {
                    case PROTOCOL -> request.protocol();
                    case HOST -> request.host();
                    case PORT -> Integer.toString(request.port());
                    case PATH -> request.path().startsWith("/") ? request.path().substring(1) : request.path();
                    case QUERY -> request.query();
                });
            } else {
                text.append((String) piece);
            }
        }
        return text.toString();
    }

    private static List<Object> parse(String text) {
        List<Object> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int open = text.indexOf("#{", start);
            int close = open < 0 ? -1 : text.indexOf('}', open);
            if (open < 0 || close < 0) {
                pieces.add(text.substring(start));
                break;
            }
            if (open > start) {
                pieces.add(text.substring(start, open));
            }
            String name = text.substring(open + 2, close);
            pieces.add(placeholderOrLiteral(name, text.substring(open, close + 1)));
            start = close + 1;
        }
        return List.copyOf(pieces);
    }

    private static Object placeholderOrLiteral(String name, String asWritten) {
        for (Placeholder placeholder : Placeholder.values()) {
            if (placeholder.name().equalsIgnoreCase(name)) {
                return placeholder;
            }
        }
        // the panel rejects unknown placeholders; should one arrive anyway, it is kept as written
        return asWritten;
    }
}
