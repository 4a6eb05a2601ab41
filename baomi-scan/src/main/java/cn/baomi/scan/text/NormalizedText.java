package cn.baomi.scan.text;

/**
 * Normalised characters with, for each, its offset in the original text. {@code originalOffset(length())}
 * is the original length, so a half-open normalised range maps to a half-open original range.
 */
public final class NormalizedText {

    private final char[] chars;
    private final int[] map;
    private final int length;
    private final int originalLength;
    private final CharSequence original;

    NormalizedText(char[] chars, int[] map, int length, CharSequence original) {
        this.chars = chars;
        this.map = map;
        this.length = length;
        this.originalLength = original.length();
        this.original = original;
    }

    public int length() {
        return length;
    }

    public char charAt(int i) {
        return chars[i];
    }

    /** The backing array; only the first {@link #length()} characters are meaningful. */
    public char[] chars() {
        return chars;
    }

    /** Original offset of normalised position {@code i} (0 ≤ i ≤ length). */
    public int originalOffset(int i) {
        return i >= length ? (i == length ? map[length] : originalLength) : map[i];
    }

    /** Original end offset (exclusive) of a normalised range ending at {@code end} (exclusive). */
    public int originalEnd(int end) {
        return end == 0 ? 0 : map[end - 1] + 1;
    }

    /** True when some original characters were dropped between normalised positions i-1 and i. */
    public boolean gapBefore(int i) {
        if (i <= 0 || i >= length) {
            return false;
        }
        return map[i] - map[i - 1] > 1;
    }

    /** True when characters were dropped before position i and all of them were whitespace. */
    public boolean whitespaceGapBefore(int i) {
        if (!gapBefore(i)) {
            return false;
        }
        for (int k = map[i - 1] + 1; k < map[i]; k++) {
            char c = original.charAt(k);
            if (!Character.isWhitespace(c) && c != '\u3000' && c != '\u00A0') {
                return false;
            }
        }
        return true;
    }

    public String substring(int start, int end) {
        return new String(chars, start, end - start);
    }

    public int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
