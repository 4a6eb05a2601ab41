package cn.baomi.server.carrier;

import java.util.List;

/** One page of ledger rows; {@code page} counts from 0. */
record LedgerPage<T>(List<T> items, int page, int size, long total) {

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
