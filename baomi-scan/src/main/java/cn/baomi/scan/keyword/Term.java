package cn.baomi.scan.keyword;

/**
 * A dictionary entry.
 *
 * @param text     the term as written in the dictionary
 * @param category its category (the dictionary's file name when none is given)
 * @param weight   its weight, 1 when none is given
 */
public record Term(String text, String category, double weight) {
}
