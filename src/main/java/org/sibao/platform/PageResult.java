package org.sibao.platform;

import java.util.List;
import java.util.function.Function;

/** The list envelope of the API: {@code {"items": [...], "page": 0, "size": 20, "total": 123}}. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
