package cn.baomi.scan;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Fails with {@link TooLarge} once more than a given number of bytes has been written. */
final class BoundedOutputStream extends FilterOutputStream {

    static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }

    private long left;

    BoundedOutputStream(OutputStream out, long max) {
        super(out);
        this.left = max;
    }

    @Override
    public void write(int b) throws IOException {
        if (--left < 0) {
            throw new TooLarge();
        }
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        left -= len;
        if (left < 0) {
            throw new TooLarge();
        }
        out.write(b, off, len);
    }
}
