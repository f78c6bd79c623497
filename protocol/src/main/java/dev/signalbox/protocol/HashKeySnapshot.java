package dev.signalbox.protocol;

import org.jspecify.annotations.Nullable;

/**
 * The key of a {@link Algorithm#CONSISTENT_HASH} group.
 *
 * @param type what is hashed
 * @param name header or cookie name for {@link HashKeyType#HEADER} and {@link HashKeyType#COOKIE}
 */
public record HashKeySnapshot(HashKeyType type, @Nullable String name) {

    public static HashKeySnapshot sourceIp() {
        return new HashKeySnapshot(HashKeyType.SOURCE_IP, null);
    }
}
