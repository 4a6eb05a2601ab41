package cn.baomi.scan;

/**
 * One hit: a marking, a dictionary term or a pattern rule.
 *
 * @param rule     "marking", "keyword" or a pattern rule id such as "resident-id"
 * @param category the marking level, the dictionary category, or the pattern's category
 * @param text     the matched text as it stands in the original
 * @param location inner path (for archives and attachments) and line:column, or "文件名"
 * @param snippet  the surrounding text on one line
 * @param score    confidence for markings, weight for keywords, 1 for patterns
 */
public record Finding(String rule, String category, String text, String location, String snippet, double score) {
}
