package cn.baomi.scan.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Built-in pattern rules: resident ID numbers (check digit verified), mobile numbers, official
 * document numbers, high-precision coordinates and military unit designations. Each rule runs a
 * cheap scan for its trigger (a digit run, 号, °, a long decimal, 部队) and only then its exact
 * check in a small window around it. Works on the original text, not the normalised one, so that
 * separate numbers never merge.
 */
public final class PatternScanner {

    public List<PatternHit> scan(CharSequence text) {
        List<PatternHit> hits = new ArrayList<>();
        DigitRules.scan(text, hits);
        DocumentNumberRule.scan(text, hits);
        CoordinateRule.scan(text, hits);
        MilitaryUnitRule.scan(text, hits);
        return hits;
    }

    static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '\uFF10' && c <= '\uFF19');
    }

    static int digit(char c) {
        return c >= '\uFF10' ? c - '\uFF10' : c - '0';
    }
}
