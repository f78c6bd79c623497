package dev.signalbox.panel.paging;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list.
 *
 * @param items      the items, in the list's order
 * @param nextCursor where the next page starts, or null if this is the last page
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }

    /**
     * The page of {@code fetched}, which holds up to {@code limit + 1} items: the extra one only
     * tells that there is more, and the cursor points after the last item returned.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)).encode());
    }
}
