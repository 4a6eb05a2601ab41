package cn.baomi.scan.marking;

import cn.baomi.scan.text.NormalizedText;

/** Parses the part after ★ on a normalised line: a period, 长期, a date, or a condition. */
final class Duration {

    private static final String CJK_DIGITS = "〇零一二三四五六七八九十两百";
    private static final char[] OCR_STARS = {'女', '大', '文', '火', '太', '犬', '☆', 'x', '+', '#', '食'};
    private static final int MAX_CONDITION = 20;

    private Duration() {
    }

    static boolean isOcrStar(char c) {
        for (char s : OCR_STARS) {
            if (s == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * End (exclusive) of a period/date/长期 starting at {@code from}, or -1. A period must be
     * followed by the end of the line, a separation or a closing bracket.
     */
    static int parsePeriod(NormalizedText t, int from, int lineEnd) {
        if (startsWith(t, from, lineEnd, "长期")) {
            return boundaryOk(t, from + 2, lineEnd) ? from + 2 : -1;
        }
        int i = digits(t, from, lineEnd);
        if (i == from) {
            return -1;
        }
        int end = -1;
        if (i - from == 8 && allAscii(t, from, i)) {
            end = i;
        } else if (startsWith(t, i, lineEnd, "个月")) {
            end = i + 2;
        } else if (i < lineEnd && (t.charAt(i) == '月' || t.charAt(i) == '天')) {
            end = i + 1;
        } else if (i < lineEnd && t.charAt(i) == '年') {
            end = i + 1;
            int m = digits(t, end, lineEnd);
            if (m > end && m < lineEnd && t.charAt(m) == '月') {
                end = m + 1;
                int d = digits(t, end, lineEnd);
                if (d > end && d < lineEnd && (t.charAt(d) == '日' || t.charAt(d) == '号')) {
                    end = d + 1;
                }
            }
        }
        return end > 0 && boundaryOk(t, end, lineEnd) ? end : -1;
    }

    /** End of a release condition (会议开始前): the rest of the line or up to a separation. */
    static int parseCondition(NormalizedText t, int from, int lineEnd) {
        if (from >= lineEnd || Character.isDigit(t.charAt(from)) || CJK_DIGITS.indexOf(t.charAt(from)) >= 0) {
            return -1;
        }
        int end = from;
        while (end < lineEnd && !(end > from && t.gapBefore(end)) && end - from <= MAX_CONDITION) {
            end++;
        }
        if (end - from > MAX_CONDITION) {
            return -1;
        }
        for (int i = from; i < end; i++) {
            if (Character.UnicodeScript.of(t.charAt(i)) == Character.UnicodeScript.HAN) {
                return end;
            }
        }
        return -1;
    }

    static boolean boundaryOk(NormalizedText t, int end, int lineEnd) {
        if (end >= lineEnd || t.gapBefore(end)) {
            return true;
        }
        char c = t.charAt(end);
        return c == ')' || c == '】' || c == '〕' || c == ']' || c == '》' || c == '>';
    }

    static boolean startsWith(NormalizedText t, int from, int end, String s) {
        if (from + s.length() > end) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (t.charAt(from + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int digits(NormalizedText t, int from, int end) {
        int i = from;
        while (i < end && i - from < 8 && (isAsciiDigit(t.charAt(i)) || CJK_DIGITS.indexOf(t.charAt(i)) >= 0)) {
            i++;
        }
        return i;
    }

    private static boolean allAscii(NormalizedText t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isAsciiDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
