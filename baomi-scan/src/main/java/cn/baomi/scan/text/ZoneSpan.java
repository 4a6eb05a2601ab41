package cn.baomi.scan.text;

/** A zone between two offsets (start inclusive, end exclusive) of a unit's text. */
public record ZoneSpan(Zone zone, int start, int end) {

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
