package dev.signalbox.protocol;

import org.jspecify.annotations.Nullable;

/**
 * One alternative of a {@code query-string} condition: a parameter whose key and value match the
 * patterns ({@code *} and {@code ?} wildcards).
 *
 * @param key   key pattern, or null for any key
 * @param value value pattern
 */
public record QueryStringPair(@Nullable String key, String value) {
}
