package cn.baomi.scan.marking;

import cn.baomi.scan.Level;
import cn.baomi.scan.text.NormalizedText;
import cn.baomi.scan.text.Normalizer;
import cn.baomi.scan.text.TextUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds markings (密级标志) in a unit's text and file name. Only lines where a level word stands at
 * the start (after an optional copy number, bracket or 密级 field name) count; prose that uses the
 * words never does. Confidence depends on the form and on whether the line stands where markings
 * stand: the first lines of the body, a header or footer, the first table cell, a text box or a
 * document property.
 */
public final class MarkingDetector {

    /** Candidates at or above this confidence decide the document's marking. */
    public static final double THRESHOLD = 0.6;
    private static final int TOP_LINES = 5;
    private static final int CONTEXT_LINES = 3;
    private static final String[] CONTEXT_WORDS = {"特急", "加急", "平急", "特提", "份号", "〔20", "[20", "保密期限", "知悉范围"};

    /** All candidates of a unit's whole text, whatever their confidence. */
    public List<MarkingCandidate> detect(TextUnit unit) {
        return detect(unit, Normalizer.normalize(unit.text()), 0);
    }

    /**
     * All candidates in a segment of a unit's text that starts at original offset {@code base} and
     * was normalised into {@code t}; offsets returned are offsets of the unit's whole text.
     */
    public List<MarkingCandidate> detect(TextUnit unit, NormalizedText t, int base) {
        List<MarkingCandidate> found = new ArrayList<>();
        int topEnd = -1;
        char[] chars = t.chars();
        int n = t.length();
        int lastLine = -1;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c != '密' && c != '部') {
                continue;
            }
            int ls = lineStart(t, i);
            if (ls == lastLine) {
                continue;
            }
            lastLine = ls;
            int le = lineEnd(t, i);
            for (int p = ls; p < le - 1; p++) {
                Level level = LineParser.levelAt(t, p, le);
                if (level == null) {
                    continue;
                }
                LineParser.Parsed parsed = LineParser.parse(t, ls, le, p, level, false);
                if (parsed == null) {
                    continue;
                }
                if (topEnd < 0) {
                    topEnd = topOfBodyEnd(unit);
                }
                int start = base + t.originalOffset(parsed.start());
                boolean prominent = start < topEnd || unit.zoneAt(start) != null;
                double score = score(parsed.form(), level, prominent, t, ls, le);
                found.add(new MarkingCandidate(level, score, parsed.form().name(), start,
                        base + t.originalEnd(parsed.end()), false));
                p = parsed.end() - 1;
            }
            i = le;
        }
        return found;
    }

    /** A marking at the start of a file name: （机密）关于….docx, 机密★5年_报告.pdf, 【秘密】x.xlsx. */
    public List<MarkingCandidate> detectFileName(String fileName) {
        String name = fileName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        NormalizedText t = Normalizer.normalize(name.replace('\n', ' '));
        List<MarkingCandidate> found = new ArrayList<>();
        int le = t.length();
        int p = le > 0 && isOpen(t.charAt(0)) ? 1 : 0;
        Level level = LineParser.levelAt(t, p, le);
        if (level != null) {
            LineParser.Parsed parsed = LineParser.parse(t, 0, le, p, level, true);
            if (parsed != null) {
                double score = switch (parsed.form()) {
                    case STAR_DURATION, INTERNAL_CARE -> 0.9;
                    case OCR_STAR_DURATION, STAR_ONLY, ALONE, FIELD -> 0.8;
                    case LEADING -> p == 1 ? 0.85 : 0.7;
                    default -> 0.0;
                };
                if (level == Level.INTERNAL && parsed.form() == Form.LEADING && p == 0) {
                    score = 0.5;
                }
                if (score > 0) {
                    found.add(new MarkingCandidate(level, score, parsed.form().name(), t.originalOffset(parsed.start()),
                            t.originalEnd(parsed.end()), true));
                }
            }
        }
        return found;
    }

    private static boolean isOpen(char c) {
        return "(【[〔《<".indexOf(c) >= 0;
    }

    private double score(Form form, Level level, boolean prominent, NormalizedText t, int ls, int le) {
        boolean internal = level == Level.INTERNAL;
        double s = switch (form) {
            case STAR_DURATION -> 0.95;
            case INTERNAL_CARE -> 0.9;
            case FIELD -> 0.9;
            case OCR_STAR_DURATION -> prominent ? 0.85 : 0.7;
            case STAR_ONLY -> prominent ? 0.85 : 0.65;
            case ALONE -> prominent ? (internal ? 0.8 : 0.85) : (internal ? 0.45 : 0.5);
            case LEADING -> prominent ? (internal ? 0.55 : 0.7) : 0.35;
            case STAR_AFTER_GAP -> prominent ? 0.7 : 0.4;
        };
        if (!prominent && (form == Form.ALONE || form == Form.LEADING || form == Form.STAR_ONLY)
                && hasContextWords(t, ls, le)) {
            s += 0.2;
        }
        return Math.min(1.0, s);
    }

    private static boolean hasContextWords(NormalizedText t, int ls, int le) {
        int from = ls;
        for (int k = 0; k < CONTEXT_LINES && from > 0; k++) {
            from = lineStart(t, from - 1);
        }
        int to = le;
        for (int k = 0; k < CONTEXT_LINES && to < t.length(); k++) {
            to = lineEnd(t, to + 1);
        }
        String window = t.substring(from, to);
        for (String w : CONTEXT_WORDS) {
            if (window.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Original offset where the first TOP_LINES non-empty body lines (outside zones) end. */
    private static int topOfBodyEnd(TextUnit unit) {
        String text = unit.text();
        int lines = 0;
        int i = 0;
        while (i < text.length() && lines < TOP_LINES) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? text.length() : nl;
            if (!text.substring(i, end).isBlank() && unit.zoneAt(i) == null) {
                lines++;
            }
            i = end + 1;
        }
        return Math.min(i, text.length() + 1);
    }

    private static int lineStart(NormalizedText t, int i) {
        int j = i;
        while (j > 0 && t.charAt(j - 1) != '\n') {
            j--;
        }
        return j;
    }

    private static int lineEnd(NormalizedText t, int i) {
        int j = i;
        while (j < t.length() && t.charAt(j) != '\n') {
            j++;
        }
        return j;
    }
}
