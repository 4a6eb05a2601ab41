package cn.baomi.server.organization;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code page} counts from 0. */
record PageResult<T>(List<T> items, int page, int size, long total) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    static int size(Integer requested) {
        if (requested == null || requested < 1) {
            return DEFAULT_SIZE;
        }
        return Math.min(requested, MAX_SIZE);
    }

    static int page(Integer requested) {
        return requested == null || requested < 0 ? 0 : requested;
    }

    static <T> PageResult<T> slice(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new PageResult<>(all.subList(from, to), page, size, all.size());
    }

    /** The same page with each item turned into what a caller shows. */
    <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResult<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
