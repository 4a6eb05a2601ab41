package cn.baomi.server.approval;

import java.util.List;

/** One page of a box: {@code page} counts from 0. */
record ApprovalPage<T>(List<T> items, int page, int size, long total) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    static int size(Integer requested) {
        return requested == null || requested < 1 ? DEFAULT_SIZE : Math.min(requested, MAX_SIZE);
    }

    static int page(Integer requested) {
        return requested == null || requested < 0 ? 0 : Math.min(requested, 100_000);
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
