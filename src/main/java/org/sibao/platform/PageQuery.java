package org.sibao.platform;

/** A validated page request: page ≥ 0, 1 ≤ size ≤ 500 (API.md). */
public record PageQuery(int page, int size) {

    public static final int MAX_SIZE = 500;

    public static PageQuery of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        Validation v = new Validation();
        v.check(p >= 0, "page", "validation.page");
        v.check(s >= 1 && s <= MAX_SIZE, "size", "validation.size", MAX_SIZE);
        v.throwIfInvalid();
        return new PageQuery(p, s);
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> PageResult<T> result(java.util.List<T> items, long total) {
        return new PageResult<>(items, page, size, total);
    }
}
