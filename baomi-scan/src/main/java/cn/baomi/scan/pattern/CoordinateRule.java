package cn.baomi.scan.pattern;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * High-precision coordinates: decimal latitude/longitude pairs with five or more decimals (about a
 * metre) separated by a comma, semicolon or slash (or a space before an E/W marker), and
 * degree-minute-second values that give seconds.
 */
final class CoordinateRule {

    private static final int WINDOW = 48;
    private static final Pattern DECIMAL_PAIR = Pattern.compile(
            "(?<![\\d.])([NSns]?[-+]?\\d{1,3}\\.\\d{5,})\\s*°?\\s*([,，;；/]|\\s+(?=[EWew]))\\s*([EWew]?[-+]?\\d{1,3}\\.\\d{5,})(?![\\d.])");
    private static final Pattern DMS = Pattern.compile(
            "(?:北纬|南纬|东经|西经|[NSEW])?\\s*\\d{1,3}\\s*°\\s*\\d{1,2}\\s*[′'’]\\s*\\d{1,2}(?:\\.\\d+)?\\s*[″\"”]");

    private CoordinateRule() {
    }

    static void scan(CharSequence text, List<PatternHit> hits) {
        int n = text.length();
        int covered = -1;
        for (int j = 0; j < n; j++) {
            char c = text.charAt(j);
            boolean trigger = c == '°' || (c == '.' && longDecimal(text, j));
            if (!trigger || j < covered) {
                continue;
            }
            int from = Math.max(0, j - WINDOW / 2);
            int to = Math.min(n, j + WINDOW);
            CharSequence window = text.subSequence(from, to);
            Matcher m = (c == '°' ? DMS : DECIMAL_PAIR).matcher(window);
            while (m.find()) {
                if (from + m.end() <= covered || from + m.start() > j) {
                    continue;
                }
                if (c == '°' || plausiblePair(m.group(1), m.group(3))) {
                    hits.add(new PatternHit("coordinate", "高精度坐标", from + m.start(), from + m.end()));
                    covered = from + m.end();
                    break;
                }
            }
        }
    }

    private static boolean longDecimal(CharSequence text, int dot) {
        int k = dot + 1;
        while (k < text.length() && text.charAt(k) >= '0' && text.charAt(k) <= '9') {
            k++;
        }
        return k - dot - 1 >= 5 && dot > 0 && Character.isDigit(text.charAt(dot - 1));
    }

    /** Latitude and longitude in range (either order), neither a round number like 2.000000. */
    private static boolean plausiblePair(String a, String b) {
        if (a.matches(".*\\.0+$") || b.matches(".*\\.0+$")) {
            return false;
        }
        return inRange(a, 90) && inRange(b, 180) || inRange(a, 180) && inRange(b, 90);
    }

    private static boolean inRange(String value, double max) {
        String v = value.replaceAll("[NSEWnsew+]", "");
        try {
            return Math.abs(Double.parseDouble(v)) <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
