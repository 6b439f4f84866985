package io.tenantry.platform;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** One window of a list and how many items the whole list has. */
public record ResultPage<T>(List<T> items, long total, int offset, int limit) {

    /**
     * The window read at {@code offset}; the list is counted only when the window cannot tell its
     * length: a window that is not full and not past the end is where the list ends.
     */
    public static <T> ResultPage<T> of(List<T> items, int offset, int limit, LongSupplier count) {
        boolean endsHere = items.size() < limit && (offset == 0 || !items.isEmpty());
        return new ResultPage<>(items, endsHere ? offset + items.size() : count.getAsLong(), offset, limit);
    }

    public <R> ResultPage<R> map(Function<? super T, R> mapping) {
        return new ResultPage<>(items.stream().<R>map(mapping).toList(), total, offset, limit);
    }

    /** The page's counts and window, not its items: equal pages still hash alike. */
    @Override
    public int hashCode() {
        // As the API's page (io.tenantry.api.PageJson#hashCode), should a page ever be written as it is.
        return ((Long.hashCode(total) * 31 + offset) * 31 + limit) * 31 + items.size();
    }
}
