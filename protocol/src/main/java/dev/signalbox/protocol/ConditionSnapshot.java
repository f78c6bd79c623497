package dev.signalbox.protocol;

import java.util.List;

/**
 * One condition of a rule; it matches when the request's value for {@code field} matches any of
 * {@code values}.
 *
 * @param field  {@code host-header}, {@code path-pattern}, {@code http-header}, {@code http-method},
 *               {@code query-string} or {@code source-ip}
 * @param key    header or query parameter name, for the fields that have one
 * @param values patterns or literal values
 */
public record ConditionSnapshot(String field, String key, List<String> values) {

    public ConditionSnapshot {
        values = List.copyOf(values);
    }
}
