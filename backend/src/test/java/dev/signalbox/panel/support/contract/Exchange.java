package dev.signalbox.panel.support.contract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/** One request to the panel and its response, as the contract validator sees them. */
public record Exchange(String method, String pathAndQuery, Map<String, String> requestHeaders,
        @Nullable String requestBody, int status, Map<String, List<String>> responseHeaders, String responseBody) {

    public Exchange {
        requestHeaders = caseInsensitive(requestHeaders);
        TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(responseHeaders);
        responseHeaders = headers;
    }

    public String path() {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    /** The raw query string, without {@code ?} (empty if there is none). */
    public String query() {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? "" : pathAndQuery.substring(query + 1);
    }

    public Optional<String> requestHeader(String name) {
        return Optional.ofNullable(requestHeaders.get(name));
    }

    public Optional<String> responseHeader(String name) {
        List<String> values = responseHeaders.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** {@code application/json} of {@code application/json;charset=UTF-8}; empty when absent. */
    public static String mediaType(@Nullable String contentType) {
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> caseInsensitive(Map<String, String> headers) {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        return copy;
    }
}
