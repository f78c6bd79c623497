package dev.signalbox.panel.paging;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.problem.InvalidFieldException;

/**
 * Which page of a list to return: at most {@code limit} items after the (still encoded) cursor.
 *
 * @param limit  1 to {@link #MAX_LIMIT}
 * @param cursor the {@code nextCursor} of the previous page, or null for the first page
 */
public record PageQuery(int limit, @Nullable String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("/limit", "limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** From the query parameters; a missing limit is the default one. */
    public static PageQuery of(@Nullable Integer limit, @Nullable String cursor) {
        return new PageQuery(limit == null ? DEFAULT_LIMIT : limit, cursor == null || cursor.isEmpty() ? null : cursor);
    }

    public static PageQuery first(int limit) {
        return new PageQuery(limit, null);
    }
}
