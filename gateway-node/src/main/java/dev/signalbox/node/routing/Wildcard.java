package dev.signalbox.node.routing;

import java.util.Locale;

/**
 * A pattern where {@code *} stands for any run of characters and {@code ?} for exactly one, compiled
 * once when a snapshot is applied. Matching walks the pattern and the input without allocating, so
 * it is cheap enough for every request.
 */
final class Wildcard {

    private final char[] pattern;
    private final boolean ignoreCase;

    private Wildcard(String pattern, boolean ignoreCase) {
        this.pattern = (ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern).toCharArray();
        this.ignoreCase = ignoreCase;
    }

    static Wildcard caseSensitive(String pattern) {
        return new Wildcard(pattern, false);
    }

    static Wildcard ignoringCase(String pattern) {
        return new Wildcard(pattern, true);
    }

    boolean matches(CharSequence input) {
        int p = 0;
        int i = 0;
        // where the last '*' was seen, and the input position it currently stands in front of
        int star = -1;
        int starInput = 0;
        while (i < input.length()) {
            if (p < pattern.length && pattern[p] == '*') {
                star = p++;
                starInput = i;
            } else if (p < pattern.length && (pattern[p] == '?' || pattern[p] == fold(input.charAt(i)))) {
                p++;
                i++;
            } else if (star >= 0) {
                // let the last '*' swallow one more character and retry from there
                p = star + 1;
                i = ++starInput;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == '*') {
            p++;
        }
        return p == pattern.length;
    }

    private char fold(char c) {
        return ignoreCase ? Character.toLowerCase(c) : c;
    }

    @Override
    public String toString() {
        return new String(pattern);
    }
}
