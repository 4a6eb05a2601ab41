package cn.baomi.scan;

import java.util.List;

/**
 * What a scan found in one top-level file (or stream, or text).
 *
 * @param path       the path as given
 * @param marking    the highest level found with enough confidence, or null
 * @param confidence confidence of that marking, 0 when none
 * @param findings   markings (rule "marking"), keyword and pattern hits
 * @param error      null when the file was read completely, else what went wrong (encrypted,
 *                   unreadable, a limit reached); findings up to that point are kept
 * @param bytes      size of the input in bytes
 */
public record ScanResult(String path, Level marking, double confidence, List<Finding> findings, String error, long bytes) {

    public ScanResult {
        findings = List.copyOf(findings);
    }

    /** True when a marking, a keyword or a pattern was found. */
    public boolean found() {
        return marking != null || !findings.isEmpty();
    }

    public static ScanResult failed(String path, String error, long bytes) {
        return new ScanResult(path, null, 0, List.of(), error, bytes);
    }
}
