package dev.signalbox.panel.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.signalbox.panel.problem.InvalidFieldException;

/** The opaque page cursor: the id of the last event of the previous page, so pages stay stable as events arrive. */
final class AuditCursor {

    private static final String PREFIX = "ae1:";

    private AuditCursor() {
    }

    static String after(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }

    static long parse(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id > 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidFieldException("/cursor", "Not a cursor this API returned; pass nextCursor of the previous page");
    }
}
