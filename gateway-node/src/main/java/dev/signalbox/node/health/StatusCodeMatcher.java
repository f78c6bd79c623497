package dev.signalbox.node.health;

import java.util.ArrayList;
import java.util.List;

/** The HTTP statuses a probe accepts, written as ALB does: {@code 200}, {@code 200-299}, {@code 200,302}. */
final class StatusCodeMatcher {

    private final int[] lows;
    private final int[] highs;

    private StatusCodeMatcher(List<int[]> ranges) {
        this.lows = ranges.stream().mapToInt(range -> range[0]).toArray();
        this.highs = ranges.stream().mapToInt(range -> range[1]).toArray();
    }

    /** @throws IllegalArgumentException when a part is neither a code nor a range of codes */
    static StatusCodeMatcher parse(String matcher) {
        if (matcher.isBlank()) {
            return parse("200");
        }
        List<int[]> ranges = new ArrayList<>();
        for (String part : matcher.split(",")) {
            String trimmed = part.trim();
            int dash = trimmed.indexOf('-');
            int low = code(dash < 0 ? trimmed : trimmed.substring(0, dash), matcher);
            int high = dash < 0 ? low : code(trimmed.substring(dash + 1), matcher);
            if (high < low) {
                throw new IllegalArgumentException("Range runs backwards in status matcher: " + matcher);
            }
            ranges.add(new int[] {low, high});
        }
        return new StatusCodeMatcher(ranges);
    }

    boolean matches(int status) {
        for (int i = 0; i < lows.length; i++) {
            if (status >= lows[i] && status <= highs[i]) {
                return true;
            }
        }
        return false;
    }

    private static int code(String text, String matcher) {
        try {
            int code = Integer.parseInt(text.trim());
            if (code < 100 || code > 599) {
                throw new IllegalArgumentException("Not an HTTP status in status matcher: " + matcher);
            }
            return code;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an HTTP status in status matcher: " + matcher, e);
        }
    }
}
