package io.tenantry.workspace;

import java.util.List;
import java.util.function.Function;

/** One window of a list and how many items the whole list has. */
public record ResultPage<T>(List<T> items, long total, int offset, int limit) {

    public <R> ResultPage<R> map(Function<? super T, R> mapping) {
        return new ResultPage<>(items.stream().<R>map(mapping).toList(), total, offset, limit);
    }
}
