package cn.baomi.scan.extract;

import cn.baomi.scan.Limits;

/**
 * The work left for one top-level file: entries, expanded bytes, characters and time. Once a limit
 * has tripped every later check fails too, so a parser that swallows the first exception cannot
 * keep going.
 */
final class Budget {

    private final Limits limits;
    private final long fileSize;
    private final long deadline;
    private int entries;
    private long expanded;
    private long chars;
    private volatile String tripped;

    Budget(Limits limits, long fileSize) {
        this.limits = limits;
        this.fileSize = fileSize;
        this.deadline = System.nanoTime() + limits.timePerFile().toNanos();
    }

    Limits limits() {
        return limits;
    }

    /** The limit that tripped, or null. */
    String tripped() {
        return tripped;
    }

    void entry() {
        check();
        if (++entries > limits.maxEntries()) {
            entriesExceeded();
        }
    }

    /** Entries still allowed, after checking the time. */
    int entriesLeft() {
        check();
        return Math.max(0, limits.maxEntries() - entries);
    }

    /** Trips the entry limit (an archive reader in another process counted past it). */
    void entriesExceeded() {
        trip("条目数超过上限 " + limits.maxEntries() + " (too many archive entries or embedded documents)");
    }

    void expanded(long n) {
        check();
        expanded += n;
        if (expanded > limits.expansionFloor() && expanded > Math.max(fileSize, 1) * limits.maxExpansion()) {
            expansionExceeded();
        }
    }

    /** Expanded bytes still allowed, after checking the time. */
    long expansionLeft() {
        check();
        long allowed;
        try {
            allowed = Math.multiplyExact(Math.max(fileSize, 1), limits.maxExpansion());
        } catch (ArithmeticException e) {
            allowed = Long.MAX_VALUE;
        }
        return Math.max(0, Math.max(allowed, limits.expansionFloor()) - expanded);
    }

    /** Trips the expansion limit (an archive reader in another process expanded past it). */
    void expansionExceeded() {
        trip("解压后大小超过原文件 " + limits.maxExpansion() + " 倍 (expansion ratio exceeded, possible zip bomb)");
    }

    /** Characters still allowed, after checking the time. */
    long charsLeft() {
        check();
        return limits.maxChars() - chars;
    }

    void chars(int n) {
        chars += n;
        if (chars > limits.maxChars()) {
            trip("提取文本超过 " + limits.maxChars() + " 字符，其余未检查 (text output limit reached)");
        }
    }

    void check() {
        if (tripped != null) {
            throw new LimitException(tripped);
        }
        if (System.nanoTime() > deadline) {
            timeUp();
        }
    }

    /** Trips the time limit (work in another process, killed at the deadline). */
    void timeUp() {
        trip("处理超时 " + limits.timePerFile().toSeconds() + " 秒 (time limit per file reached)");
    }

    /** Milliseconds until the deadline, after checking the time (for work that cannot check itself: OCR). */
    long millisLeft() {
        check();
        return Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
    }

    /** Makes every later check fail: the file was abandoned by the watchdog. */
    void abandon(String message) {
        tripped = message;
    }

    private void trip(String message) {
        tripped = message;
        throw new LimitException(message);
    }
}
