package cn.baomi.scan.pattern;

/** A pattern rule hit between two offsets of the original text. */
public record PatternHit(String rule, String category, int start, int end) {
}
