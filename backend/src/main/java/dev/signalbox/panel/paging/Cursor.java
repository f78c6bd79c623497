package dev.signalbox.panel.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.signalbox.panel.problem.InvalidFieldException;

/**
 * Where the previous page ended: the sort values of its last item. Encoded as base64url of the
 * values joined by a separator that cannot occur in them, so clients treat it as opaque.
 *
 * @param values the sort key values of the last item, e.g. its name and id
 */
public record Cursor(List<String> values) {

    private static final char SEPARATOR = '\u001f';
    private static final String VERSION = "1";

    public Cursor {
        values = List.copyOf(values);
    }

    public static Cursor of(Object... values) {
        return new Cursor(java.util.Arrays.stream(values).map(String::valueOf).toList());
    }

    public String encode() {
        String joined = VERSION + SEPARATOR + String.join(String.valueOf(SEPARATOR), values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; anything not made by {@link #encode()} is a 400 naming the parameter. */
    public static Cursor decode(String encoded, int expectedValues) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            List<String> parts = List.of(joined.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() == expectedValues + 1 && parts.get(0).equals(VERSION)) {
                return new Cursor(parts.subList(1, parts.size()));
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below like any other foreign cursor
        }
        throw invalid();
    }

    static InvalidFieldException invalid() {
        return new InvalidFieldException("/cursor",
                "cursor must be the nextCursor of a previous page of this same list; start again without it");
    }
}
