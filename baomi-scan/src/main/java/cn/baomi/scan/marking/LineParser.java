package cn.baomi.scan.marking;

import cn.baomi.scan.Level;
import cn.baomi.scan.text.NormalizedText;

/** Decides what form, if any, a level word takes on its normalised line. */
final class LineParser {

    record Parsed(Level level, Form form, int start, int end) {
    }

    private static final String OPEN = "(【[〔《<";
    private static final String CLOSE = ")】]〕》>";

    private LineParser() {
    }

    /** The level word starting at {@code p}, or null. */
    static Level levelAt(NormalizedText t, int p, int lineEnd) {
        if (p + 1 >= lineEnd) {
            return null;
        }
        char a = t.charAt(p);
        char b = t.charAt(p + 1);
        if (b == '密') {
            return switch (a) {
                case '绝' -> Level.TOP_SECRET;
                case '机' -> Level.SECRET;
                case '秘' -> Level.CONFIDENTIAL;
                default -> null;
            };
        }
        return a == '内' && b == '部' ? Level.INTERNAL : null;
    }

    /**
     * The form of the level word at {@code p}. In file names any dropped separator ("_", "-")
     * sets the level apart; in text only whitespace does, so "机密，是指…" and a spaced-out title
     * "机 密 文 件 管 理" stay prose.
     */
    static Parsed parse(NormalizedText t, int lineStart, int lineEnd, int p, Level level, boolean fileName) {
        int prefixEnd = p;
        boolean bracketOpen = prefixEnd > lineStart && OPEN.indexOf(t.charAt(prefixEnd - 1)) >= 0;
        if (bracketOpen) {
            prefixEnd--;
        }
        boolean field = prefixEnd - 2 >= lineStart && t.charAt(prefixEnd - 2) == '密' && t.charAt(prefixEnd - 1) == '级';
        if (field) {
            prefixEnd -= 2;
        }
        boolean lineStartOk = onlyCopyNumber(t, lineStart, prefixEnd);
        int q = p + 2;
        if (level == Level.INTERNAL && (Duration.startsWith(t, q, lineEnd, "事项注意保管")
                || Duration.startsWith(t, q, lineEnd, "资料注意保管"))) {
            int end = q + 6;
            if (!Duration.boundaryOk(t, end, lineEnd)) {
                return null;
            }
            if (lineStartOk) {
                return new Parsed(level, Form.INTERNAL_CARE, p, end);
            }
            return t.whitespaceGapBefore(p) ? new Parsed(level, Form.STAR_AFTER_GAP, p, end) : null;
        }
        boolean bracketClosed = q < lineEnd && CLOSE.indexOf(t.charAt(q)) >= 0;
        if (bracketClosed) {
            q++;
        }
        if (q < lineEnd && t.charAt(q) == '级') {
            return null;
        }
        Parsed star = parseStar(t, q, lineEnd, p, level, lineStartOk);
        if (star != null) {
            return star;
        }
        if (!lineStartOk) {
            return null;
        }
        if (field && (q >= lineEnd || t.gapBefore(q) || bracketClosed)) {
            return new Parsed(level, Form.FIELD, p, q);
        }
        if (q >= lineEnd) {
            return new Parsed(level, Form.ALONE, p, q);
        }
        boolean apart = fileName ? t.gapBefore(q) : t.whitespaceGapBefore(q) && !t.gapBefore(p + 1);
        if (apart || bracketClosed) {
            return new Parsed(level, Form.LEADING, p, q);
        }
        return null;
    }

    private static Parsed parseStar(NormalizedText t, int q, int lineEnd, int p, Level level, boolean lineStartOk) {
        if (q >= lineEnd) {
            return null;
        }
        char c = t.charAt(q);
        boolean star = c == '★';
        boolean ocr = !star && Duration.isOcrStar(c);
        if (!star && !ocr) {
            return null;
        }
        int end = Duration.parsePeriod(t, q + 1, lineEnd);
        if (end < 0 && star && lineStartOk) {
            end = Duration.parseCondition(t, q + 1, lineEnd);
        }
        if (end < 0) {
            if (star && lineStartOk && Duration.boundaryOk(t, q + 1, lineEnd)) {
                return new Parsed(level, Form.STAR_ONLY, p, q + 1);
            }
            return null;
        }
        if (lineStartOk) {
            return new Parsed(level, star ? Form.STAR_DURATION : Form.OCR_STAR_DURATION, p, end);
        }
        return star && t.whitespaceGapBefore(p) ? new Parsed(level, Form.STAR_AFTER_GAP, p, end) : null;
    }

    /** Only a copy number (份号 and up to 8 digits) or nothing stands before the marking. */
    private static boolean onlyCopyNumber(NormalizedText t, int from, int to) {
        int i = from;
        if (Duration.startsWith(t, i, to, "份号")) {
            i += 2;
        }
        while (i < to && Duration.isAsciiDigit(t.charAt(i)) && i - from < 10) {
            i++;
        }
        return i == to;
    }
}
