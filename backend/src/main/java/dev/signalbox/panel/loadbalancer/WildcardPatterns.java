package dev.signalbox.panel.loadbalancer;

import java.util.Locale;

/** Patterns with the wildcards {@code *} (any run of characters) and {@code ?} (one character). */
public final class WildcardPatterns {

    private WildcardPatterns() {
    }

    public static boolean hasWildcards(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    /** Whether {@code value} matches {@code pattern}. */
    public static boolean matches(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        int pi = 0;
        int vi = 0;
        int star = -1;
        int resume = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                resume = vi;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /**
     * Whether every value {@code specific} matches is also matched by {@code general}. Sound but not
     * complete: true only when certain, false when it cannot tell cheaply.
     */
    public static boolean covers(String general, String specific, boolean ignoreCase) {
        String g = ignoreCase ? general.toLowerCase(Locale.ROOT) : general;
        String s = ignoreCase ? specific.toLowerCase(Locale.ROOT) : specific;
        if (g.equals(s)) {
            return true;
        }
        if (!hasWildcards(s)) {
            return matches(g, s, false);
        }
        int star = g.indexOf('*');
        if (g.indexOf('?') >= 0 || star < 0 || g.indexOf('*', star + 1) >= 0) {
            return false;
        }
        // g is P*S: every value of s starts with its literal prefix and ends with its literal suffix
        String prefix = g.substring(0, star);
        String suffix = g.substring(star + 1);
        return literalPrefix(s).startsWith(prefix) && literalSuffix(s).endsWith(suffix);
    }

    private static String literalPrefix(String pattern) {
        int end = 0;
        while (end < pattern.length() && pattern.charAt(end) != '*' && pattern.charAt(end) != '?') {
            end++;
        }
        return pattern.substring(0, end);
    }

    private static String literalSuffix(String pattern) {
        int start = pattern.length();
        while (start > 0 && pattern.charAt(start - 1) != '*' && pattern.charAt(start - 1) != '?') {
            start--;
        }
        return pattern.substring(start);
    }
}
