package cn.baomi.scan.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Files done, MB/s and ETA on one refreshed stderr line, twice a second. */
final class Progress implements AutoCloseable {

    private final PrintStream err;
    private final int totalFiles;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final Thread ticker;
    private volatile boolean running = true;

    Progress(PrintStream err, int totalFiles, long totalBytes, boolean enabled) {
        this.err = err;
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
        this.ticker = enabled ? new Thread(this::tick, "baomi-scan-progress") : null;
        if (ticker != null) {
            ticker.setDaemon(true);
            ticker.start();
        }
    }

    void done(long fileBytes) {
        files.incrementAndGet();
        bytes.addAndGet(fileBytes);
    }

    private void tick() {
        while (running) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                err.print("\r" + line());
                err.flush();
            }
        }
    }

    String line() {
        double secs = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        long b = bytes.get();
        double mbps = b / 1048576.0 / secs;
        long left = totalBytes - b;
        String eta = b > 0 ? formatSeconds((long) (left / (b / secs))) : "--:--";
        return String.format(Locale.ROOT, "已检查 %d/%d 个文件，%.1f MB/s，预计剩余 %s   ",
                files.get(), totalFiles, mbps, eta);
    }

    private static String formatSeconds(long s) {
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    @Override
    public void close() {
        running = false;
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.print("\r" + line() + "\n");
            err.flush();
        }
    }
}
