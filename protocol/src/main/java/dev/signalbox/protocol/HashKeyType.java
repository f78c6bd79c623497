package dev.signalbox.protocol;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What a consistent hash is computed over. */
public enum HashKeyType {
    /** The client's address; also what a reader uses for a key type newer than itself. */
    @JsonEnumDefaultValue
    SOURCE_IP,
    /** The value of a request header. */
    HEADER,
    /** The value of a cookie. */
    COOKIE
}
