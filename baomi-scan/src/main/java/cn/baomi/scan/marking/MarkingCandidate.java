package cn.baomi.scan.marking;

import cn.baomi.scan.Level;

/**
 * A marking found in a text or a file name.
 *
 * @param level      the level it states
 * @param confidence 0..1, from its form and where it stands
 * @param form       how it was written (for the evidence), e.g. "STAR_DURATION"
 * @param start      start offset in the original text (or file name)
 * @param end        end offset (exclusive)
 * @param inFileName true when found in the file name
 */
public record MarkingCandidate(Level level, double confidence, String form, int start, int end, boolean inFileName) {
}
