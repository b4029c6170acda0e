package org.sibao.platform;

/** A validated page request: page ≥ 0, 1 ≤ size ≤ 500 (API.md). */
public record PageQuery(int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 20;

    public static PageQuery of(Integer page, Integer size) {
        return of(page, size, DEFAULT_SIZE);
    }

    /** With the size a list answers when the caller gives none (e.g. {@link #MAX_SIZE}: a short list in one page). */
    public static PageQuery of(Integer page, Integer size, int defaultSize) {
        Validation v = new Validation();
        PageQuery q = of(page, size, defaultSize, v);
        // in a request, an invalid page or size is named together with the list's other invalid parameters, which
        // its service checks after this (see BodyTypeProblems.defer); elsewhere it is refused at once
        if (v.hasProblems() && !org.sibao.platform.web.BodyTypeProblems.defer(v.problems())) {
            v.throwIfInvalid();
        }
        return q;
    }

    /**
     * Records an invalid {@code page} or {@code size} in {@code v}, so that it is reported together with the list's
     * other invalid parameters; the caller throws. An invalid value is replaced by its default.
     */
    public static PageQuery of(Integer page, Integer size, int defaultSize, Validation v) {
        int p = page == null ? 0 : page;
        int s = size == null ? defaultSize : size;
        boolean pageOk = v.check(p >= 0, "page", "validation.page");
        boolean sizeOk = v.check(s >= 1 && s <= MAX_SIZE, "size", "validation.size", MAX_SIZE);
        return new PageQuery(pageOk ? p : 0, sizeOk ? s : defaultSize);
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> PageResult<T> result(java.util.List<T> items, long total) {
        return new PageResult<>(items, page, size, total);
    }

    /** This page of a list held in memory, with the list's size as the total. */
    public <T> PageResult<T> slice(java.util.List<T> all) {
        int from = (int) Math.min(offset(), all.size());
        int to = (int) Math.min(offset() + size, all.size());
        return result(java.util.List.copyOf(all.subList(from, to)), all.size());
    }
}
