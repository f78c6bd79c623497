package dev.signalbox.panel.conditional;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.problem.InvalidFieldException;

/**
 * The {@code If-Match} precondition of a change (RFC 9110 §13.1.1). Absent: the change is
 * unconditional. {@code *}: any current version. Otherwise the change is made only if the
 * resource's current tag is one of the listed ones; weak tags never match (strong comparison).
 */
public final class IfMatch {

    private static final IfMatch NONE = new IfMatch(false, List.of());
    private static final IfMatch ANY = new IfMatch(true, List.of());

    private final boolean any;
    private final List<String> strongTags;

    private IfMatch(boolean any, List<String> strongTags) {
        this.any = any;
        this.strongTags = List.copyOf(strongTags);
    }

    /** No precondition: for callers that change a resource unconditionally. */
    public static IfMatch none() {
        return NONE;
    }

    /** Parses the header value; a malformed one is a 400 naming the header. */
    public static IfMatch parse(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        String value = header.trim();
        if (value.equals("*")) {
            return ANY;
        }
        List<String> strong = new ArrayList<>();
        for (String element : value.split(",")) {
            String tag = element.trim();
            if (tag.isEmpty()) {
                continue;
            }
            boolean weak = tag.startsWith("W/");
            String quoted = weak ? tag.substring(2) : tag;
            if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")
                    || !EntityTag.isValidOpaque(quoted.substring(1, quoted.length() - 1))) {
                throw new InvalidFieldException("/If-Match",
                        "If-Match must be * or a comma-separated list of quoted ETags as returned in the ETag header");
            }
            if (!weak) {
                strong.add(quoted.substring(1, quoted.length() - 1));
            }
        }
        return new IfMatch(false, strong);
    }

    public boolean isPresent() {
        return this != NONE;
    }

    /** Throws a 412 problem unless the resource, now tagged {@code current}, satisfies the precondition. */
    public void verify(EntityTag current) {
        if (this == NONE || any || strongTags.contains(current.opaque())) {
            return;
        }
        throw new PreconditionFailedException();
    }
}
