package dev.signalbox.protocol;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One condition of a rule; it matches when the request's value for {@code field} matches any of
 * {@code values} (for {@code query-string}: any of {@code queryPairs}).
 *
 * @param field      {@code host-header}, {@code path-pattern}, {@code http-header},
 *                   {@code http-request-method}, {@code query-string} or {@code source-ip}
 * @param key        header name for {@code http-header}, otherwise null
 * @param values     patterns ({@code *} and {@code ?} wildcards for host, path and header values),
 *                   method names, or CIDR blocks for {@code source-ip}
 * @param queryPairs for {@code query-string}: key/value patterns, any of which must match
 */
public record ConditionSnapshot(String field, @Nullable String key, List<String> values,
        List<QueryStringPair> queryPairs) {

    public ConditionSnapshot {
        values = values == null ? List.of() : List.copyOf(values);
        queryPairs = queryPairs == null ? List.of() : List.copyOf(queryPairs);
    }

    /** A condition on anything but the query string. */
    public ConditionSnapshot(String field, @Nullable String key, List<String> values) {
        this(field, key, values, List.of());
    }
}
