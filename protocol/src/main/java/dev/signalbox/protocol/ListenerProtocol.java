package dev.signalbox.protocol;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Protocol a listener accepts from clients. */
public enum ListenerProtocol {
    HTTP, HTTPS, TCP,
    /** What a reader sees for a protocol newer than itself; it does not serve such a listener. */
    @JsonEnumDefaultValue
    UNKNOWN
}
