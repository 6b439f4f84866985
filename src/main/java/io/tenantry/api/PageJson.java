package io.tenantry.api;

import java.util.List;

import io.tenantry.platform.ResultPage;

/** One window of a list: {@code total} counts the whole list, so clients can page through it. */
public record PageJson<T>(List<T> items, long total, int offset, int limit) {

    /** The page as the API shows it. */
    public static <T> PageJson<T> of(ResultPage<T> page) {
        return new PageJson<>(page.items(), page.total(), page.offset(), page.limit());
    }
}
