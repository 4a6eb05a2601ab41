package cn.baomi.scan;

import cn.baomi.scan.keyword.KeywordMatcher;
import cn.baomi.scan.marking.MarkingCandidate;
import cn.baomi.scan.marking.MarkingDetector;
import cn.baomi.scan.pattern.PatternHit;
import cn.baomi.scan.pattern.PatternScanner;
import cn.baomi.scan.text.Locator;
import cn.baomi.scan.text.NormalizedText;
import cn.baomi.scan.text.Normalizer;
import cn.baomi.scan.text.TextUnit;
import java.util.ArrayList;
import java.util.List;

/** Runs markings, keywords and patterns over text units and folds them into one result. */
final class Inspector {

    private static final int SEGMENT = 1 << 20;
    private final MarkingDetector markings = new MarkingDetector();
    private final PatternScanner patterns = new PatternScanner();
    private final KeywordMatcher keywords;
    private final int maxFindings;

    Inspector(KeywordMatcher keywords, int maxFindings) {
        this.keywords = keywords;
        this.maxFindings = maxFindings;
    }

    /** Collects findings of one top-level file. Not thread-safe; one per scan. */
    final class Collector {
        private final List<Finding> markingFindings = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private Level level;
        private double confidence;
        private boolean truncated;

        void fileName(String name, String location) {
            for (MarkingCandidate c : markings.detectFileName(name)) {
                addMarking(c, name.substring(0, Math.min(name.length(), c.end() + 20)),
                        name.substring(c.start(), c.end()), location);
            }
        }

        void unit(TextUnit unit) {
            if (!unit.innerPath().isEmpty() && !unit.fileName().isEmpty()) {
                fileName(unit.fileName(), unit.innerPath().isEmpty() ? "文件名" : unit.innerPath() + " 文件名");
            }
            String text = unit.text();
            Locator locator = new Locator(unit);
            int start = 0;
            while (start < text.length()) {
                int end = segmentEnd(text, start);
                inspectSegment(unit, locator, start, end);
                start = end;
            }
        }

        private void inspectSegment(TextUnit unit, Locator locator, int base, int end) {
            String text = unit.text();
            String segment = base == 0 && end == text.length() ? text : text.substring(base, end);
            NormalizedText nt = Normalizer.normalize(segment);
            for (MarkingCandidate c : markings.detect(unit, nt, base)) {
                int s = c.start();
                int e = c.end();
                addMarking(c, locator.snippet(s, e), text.substring(s, e), locator.location(s));
            }
            keywords.match(nt, (ns, ne, term) -> {
                if (room()) {
                    int s = base + nt.originalOffset(ns);
                    int e = base + nt.originalEnd(ne);
                    findings.add(new Finding("keyword", term.category(), text.substring(s, e), locator.location(s),
                            locator.snippet(s, e), term.weight()));
                }
            });
            for (PatternHit h : patterns.scan(segment)) {
                if (room()) {
                    int s = base + h.start();
                    int e = base + h.end();
                    findings.add(new Finding(h.rule(), h.category(), text.substring(s, e), locator.location(s),
                            locator.snippet(s, e), 1.0));
                }
            }
        }

        private boolean room() {
            if (findings.size() < maxFindings) {
                return true;
            }
            truncated = true;
            return false;
        }

        private void addMarking(MarkingCandidate c, String snippet, String text, String location) {
            if (c.confidence() < MarkingDetector.THRESHOLD) {
                return;
            }
            if (markingFindings.size() < maxFindings) {
                markingFindings.add(new Finding("marking", c.level().name(), text, location, snippet, c.confidence()));
            }
            if (c.level().higherThan(level) || c.level() == level && c.confidence() > confidence) {
                level = c.level();
                confidence = c.confidence();
            }
        }

        ScanResult result(String path, String error, long bytes) {
            List<Finding> all = new ArrayList<>(markingFindings.size() + findings.size());
            all.addAll(markingFindings);
            all.addAll(findings);
            String err = error;
            if (truncated) {
                String note = "发现过多，仅保留前 " + maxFindings + " 条 (findings truncated)";
                err = err == null ? null : err + "; " + note;
                if (err == null) {
                    all.add(new Finding("limit", "findings", "", "", note, 0));
                }
            }
            return new ScanResult(path, level, level == null ? 0 : confidence, all, err, bytes);
        }
    }

    Collector collector() {
        return new Collector();
    }

    /** Cuts segments at a line break so no keyword or marking straddles two segments. */
    private static int segmentEnd(String text, int start) {
        if (text.length() - start <= SEGMENT) {
            return text.length();
        }
        int nl = text.lastIndexOf('\n', start + SEGMENT);
        return nl > start ? nl + 1 : start + SEGMENT;
    }
}
