package cn.baomi.server.personnel;

import java.util.List;

/** One page of the roster; {@code page} counts from 0, {@code total} counts every match. */
record RosterPage<T>(List<T> items, int page, int size, long total) {

    static final int PAGE_SIZE = 50;
    static final int MAX_SIZE = 100;

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    <R> RosterPage<R> map(java.util.function.Function<T, R> mapper) {
        return new RosterPage<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
