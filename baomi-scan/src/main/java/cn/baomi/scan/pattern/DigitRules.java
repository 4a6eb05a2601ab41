package cn.baomi.scan.pattern;

import java.util.List;

/** Resident ID numbers (GB 11643, mod 11-2 check digit and a real birth date) and mobile numbers. */
final class DigitRules {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final int MAX_GROUPS = 5;

    private DigitRules() {
    }

    static void scan(CharSequence text, List<PatternHit> hits) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!PatternScanner.isDigit(text.charAt(i)) || (i > 0 && isWordChar(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            StringBuilder digits = new StringBuilder(20);
            int j = i;
            int groups = 0;
            int end = i;
            int firstEnd = -1;
            while (groups < MAX_GROUPS) {
                int k = j;
                while (k < n && PatternScanner.isDigit(text.charAt(k)) && digits.length() < 20) {
                    digits.append((char) ('0' + PatternScanner.digit(text.charAt(k))));
                    k++;
                }
                end = k;
                if (firstEnd < 0) {
                    firstEnd = k;
                }
                groups++;
                int groupLength = k - j;
                boolean groupShape = groupLength == 3 || groupLength == 4 || groupLength == 6 || groupLength == 8;
                if (groupShape && k + 1 < n && (text.charAt(k) == ' ' || text.charAt(k) == '-')
                        && PatternScanner.isDigit(text.charAt(k + 1))) {
                    j = k + 1;
                } else {
                    break;
                }
            }
            boolean x = end < n && (text.charAt(end) == 'X' || text.charAt(end) == 'x' || text.charAt(end) == 'Ｘ');
            String d = digits.toString();
            if (d.length() == 17 && x && validId(d + 'X')) {
                add(text, hits, "resident-id", "身份证号", i, end + 1);
            } else if (d.length() == 18 && !followedByWord(text, end) && validId(d)) {
                add(text, hits, "resident-id", "身份证号", i, end);
            } else if (!followedByWord(text, end) && isMobile(d) && !partOfLongerNumber(text, i, end)) {
                add(text, hits, "mobile", "手机号", i, end);
            } else if (groups > 1) {
                end = firstEnd;
            }
            i = Math.max(end, i + 1);
        }
    }

    private static void add(CharSequence text, List<PatternHit> hits, String rule, String category, int s, int e) {
        hits.add(new PatternHit(rule, category, s, e));
    }

    private static boolean isMobile(String d) {
        String m = d.length() == 13 && d.startsWith("86") ? d.substring(2) : d;
        return m.length() == 11 && m.charAt(0) == '1' && m.charAt(1) >= '3' && m.charAt(1) <= '9';
    }

    /**
     * True when the digits continue a longer number or code: a decimal or hyphenated part follows
     * ({@code 13800138000.50}, {@code 13800138000-01}), a hyphenated digit group precedes other
     * than the country code ({@code 2024-13800138000}, not {@code +86-13800138000}), or 号 follows
     * (a serial or document number: {@code 第13800138000号}).
     */
    private static boolean partOfLongerNumber(CharSequence text, int start, int end) {
        int n = text.length();
        if (end < n && text.charAt(end) == '号') {
            return true;
        }
        if (end + 1 < n && (text.charAt(end) == '.' || text.charAt(end) == '-')
                && PatternScanner.isDigit(text.charAt(end + 1))) {
            return true;
        }
        if (start >= 2 && text.charAt(start - 1) == '-' && PatternScanner.isDigit(text.charAt(start - 2))) {
            int k = start - 1;
            while (k > 0 && PatternScanner.isDigit(text.charAt(k - 1))) {
                k--;
            }
            boolean countryCode = start - 1 - k == 2 && text.charAt(k) == '8' && text.charAt(k + 1) == '6'
                    && (k == 0 || !isWordChar(text.charAt(k - 1)));
            return !countryCode;
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return PatternScanner.isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.';
    }

    private static boolean followedByWord(CharSequence text, int end) {
        return end < text.length() && isWordChar(text.charAt(end)) && text.charAt(end) != '.';
    }

    /** GB 11643-1999: region code, birth date, sequence, check digit. */
    static boolean validId(String id) {
        if (id.length() != 18 || id.charAt(0) < '1' || id.charAt(0) > '9') {
            return false;
        }
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (id.charAt(k) - '0') * WEIGHTS[k];
        }
        if (CHECK[sum % 11] != Character.toUpperCase(id.charAt(17))) {
            return false;
        }
        int year = Integer.parseInt(id.substring(6, 10));
        int month = Integer.parseInt(id.substring(10, 12));
        int day = Integer.parseInt(id.substring(12, 14));
        if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }
}
