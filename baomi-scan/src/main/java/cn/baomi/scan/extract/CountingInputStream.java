package cn.baomi.scan.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Charges every byte read from an expanded (decompressed or embedded) stream to the budget. */
final class CountingInputStream extends FilterInputStream {

    private final Budget budget;

    CountingInputStream(InputStream in, Budget budget) {
        super(in);
        this.budget = budget;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            budget.expanded(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            budget.expanded(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long k = super.skip(n);
        if (k > 0) {
            budget.expanded(k);
        }
        return k;
    }
}
