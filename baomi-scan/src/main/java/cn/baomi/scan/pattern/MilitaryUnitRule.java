package cn.baomi.scan.pattern;

import java.util.List;

/** Military unit designations: a five-digit number followed by 部队 (31008部队). */
final class MilitaryUnitRule {

    private MilitaryUnitRule() {
    }

    static void scan(CharSequence text, List<PatternHit> hits) {
        int n = text.length();
        for (int j = 5; j + 1 < n; j++) {
            if (text.charAt(j) != '部' || text.charAt(j + 1) != '队') {
                continue;
            }
            int s = j;
            while (s > 0 && PatternScanner.isDigit(text.charAt(s - 1)) && j - s < 6) {
                s--;
            }
            if (j - s == 5) {
                hits.add(new PatternHit("military-unit", "部队番号", s, j + 2));
            }
        }
    }
}
