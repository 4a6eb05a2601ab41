package cn.baomi.scan.text;

import java.util.Arrays;

/** Turns offsets of a unit's text into "L12:5" locations and one-line snippets. */
public final class Locator {

    private static final int SNIPPET_RADIUS = 24;
    private final TextUnit unit;
    private int[] lineStarts;

    public Locator(TextUnit unit) {
        this.unit = unit;
    }

    public String location(int offset) {
        int[] starts = lineStarts();
        int idx = Arrays.binarySearch(starts, offset);
        int line = idx >= 0 ? idx : -idx - 2;
        String pos = "L" + (line + 1) + ":" + (offset - starts[line] + 1);
        Zone zone = unit.zoneAt(offset);
        if (zone != null) {
            pos = pos + "(" + zone.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
        return unit.innerPath().isEmpty() ? pos : unit.innerPath() + " " + pos;
    }

    public String snippet(int start, int end) {
        String text = unit.text();
        int from = Math.max(0, start - SNIPPET_RADIUS);
        int to = Math.min(text.length(), end + SNIPPET_RADIUS);
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return sb.toString().strip();
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            String text = unit.text();
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    count++;
                }
            }
            int[] starts = new int[count];
            int k = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts[k++] = i + 1;
                }
            }
            lineStarts = starts;
        }
        return lineStarts;
    }
}
