package dev.signalbox.panel.auth;

import java.util.Locale;

/** What an API token may do: {@code read} allows reads only, {@code write} everything its user's role allows. */
public enum TokenScope {
    READ, WRITE;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TokenScope fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
