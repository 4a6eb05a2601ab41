package cn.baomi.server.carrier;

import java.util.List;

/**
 * One page of ledger rows; {@code page} counts from 0. {@code more}: there are more than {@code total} matches
 * ({@link Ledger#COUNT_LIMIT}), and paging stops at {@code total}; narrower filters reach the rest.
 */
record LedgerPage<T>(List<T> items, int page, int size, long total, boolean more) {

    LedgerPage(List<T> items, int page, int size, long total) {
        this(items, page, size, total, false);
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
