package dev.signalbox.panel.paging;

import org.jspecify.annotations.Nullable;

/**
 * Filters a list by name: exactly, by prefix, both (both must hold) or not at all.
 *
 * @param exact  the whole name, or null
 * @param prefix the start of the name, or null
 */
public record NameFilter(@Nullable String exact, @Nullable String prefix) {

    public static final NameFilter NONE = new NameFilter(null, null);

    public static NameFilter of(@Nullable String exact, @Nullable String prefix) {
        return new NameFilter(exact == null || exact.isEmpty() ? null : exact,
                prefix == null || prefix.isEmpty() ? null : prefix);
    }

    /** The prefix as a LIKE pattern with {@code \} as escape character. */
    @Nullable String likePattern() {
        if (prefix == null) {
            return null;
        }
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
