package io.tenantry.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.tenantry.platform.ListQuery;
import io.tenantry.platform.ResultPage;

/** One window of a list: {@code total} counts the whole list, so clients can page through it. */
public record PageJson<T>(List<T> items, long total, int offset, int limit) {

    /** The page as the API shows it. */
    public static <T> PageJson<T> of(ResultPage<T> page) {
        return new PageJson<>(page.items(), page.total(), page.offset(), page.limit());
    }

    /**
     * The window {@code query} asks for of a list held whole (a short one: a tenant's groups, an
     * account's tokens); {@code total} is the list's size. Its order is the list's own, or the
     * reverse of it with {@code order=desc}.
     */
    public static <T> PageJson<T> window(List<T> list, ListQuery query) {
        List<T> all = list;
        if (query.descending()) {
            all = new ArrayList<>(list);
            Collections.reverse(all);
        }
        int from = Math.min(query.offset(), all.size());
        int to = (int) Math.min((long) from + query.limit(), all.size());
        return new PageJson<>(List.copyOf(all.subList(from, to)), all.size(), query.offset(), query.limit());
    }

    /** The page's counts and window, not its items: equal pages still hash alike. */
    @Override
    public int hashCode() {
        // Yasson takes the hash of every object it writes, entering and leaving it (its check for a reference
        // cycle), so a hash that walked the items would walk each item once more for every level above it.
        return ((Long.hashCode(total) * 31 + offset) * 31 + limit) * 31 + items.size();
    }
}
