package cn.baomi.scan.text;

import java.util.List;

/**
 * The text of one document: a top-level file or an entry inside an archive or attachment.
 *
 * @param innerPath empty for the top-level file, else the path inside it ("a.zip!/b/c.docx")
 * @param fileName  the document's own file name (used for markings in names), may be empty
 * @param text      the extracted text, one paragraph, cell or line per line
 * @param zones     where headers, footers, the first table cell, text boxes and properties stand
 */
public record TextUnit(String innerPath, String fileName, String text, List<ZoneSpan> zones) {

    public TextUnit {
        zones = List.copyOf(zones);
    }

    public static TextUnit of(String fileName, String text) {
        return new TextUnit("", fileName, text, List.of());
    }

    /** The zone at an offset, or null for the plain body. */
    public Zone zoneAt(int offset) {
        for (ZoneSpan z : zones) {
            if (z.contains(offset)) {
                return z.zone();
            }
        }
        return null;
    }
}
