package cn.baomi.scan;

import java.time.Duration;

/**
 * Bounds on the work spent on one top-level file. Whatever exceeds a bound is reported in the
 * result's error, and what was read up to it is still inspected.
 *
 * @param maxFileBytes   larger files are not read at all
 * @param maxDepth       nesting depth of archives and attachments (the top-level file is depth 0)
 * @param maxEntries     entries and embedded documents, in total
 * @param maxExpansion   decompressed bytes may not exceed this many times the file size...
 * @param expansionFloor ...once they exceed this many bytes (small files may expand a lot)
 * @param maxChars       characters of extracted text, in total
 * @param timePerFile    wall time, checked whenever the parser reads input or writes text
 * @param maxFindings    findings kept per file (markings always kept)
 */
public record Limits(long maxFileBytes, int maxDepth, int maxEntries, long maxExpansion, long expansionFloor,
                     long maxChars, Duration timePerFile, int maxFindings) {

    public static Limits defaults() {
        return new Limits(512L << 20, 5, 10_000, 100, 64L << 20, 8_000_000, Duration.ofSeconds(120), 10_000);
    }

    public Limits withMaxFileBytes(long v) {
        return new Limits(v, maxDepth, maxEntries, maxExpansion, expansionFloor, maxChars, timePerFile, maxFindings);
    }

    public Limits withMaxDepth(int v) {
        return new Limits(maxFileBytes, v, maxEntries, maxExpansion, expansionFloor, maxChars, timePerFile, maxFindings);
    }

    public Limits withMaxEntries(int v) {
        return new Limits(maxFileBytes, maxDepth, v, maxExpansion, expansionFloor, maxChars, timePerFile, maxFindings);
    }

    public Limits withExpansion(long ratio, long floorBytes) {
        return new Limits(maxFileBytes, maxDepth, maxEntries, ratio, floorBytes, maxChars, timePerFile, maxFindings);
    }

    public Limits withMaxChars(long v) {
        return new Limits(maxFileBytes, maxDepth, maxEntries, maxExpansion, expansionFloor, v, timePerFile, maxFindings);
    }

    public Limits withTimePerFile(Duration v) {
        return new Limits(maxFileBytes, maxDepth, maxEntries, maxExpansion, expansionFloor, maxChars, v, maxFindings);
    }
}
