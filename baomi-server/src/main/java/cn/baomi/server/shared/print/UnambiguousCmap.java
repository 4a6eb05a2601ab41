package cn.baomi.server.shared.print;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gives every glyph of a TrueType font one character, so that text copied or extracted from a PDF is the text that
 * was printed (docs/decisions/printing.md).
 * <p>
 * CJK fonts draw a Kangxi radical and its ideograph with one glyph (⼀ and 一, ⻚ and 页), and a few punctuation
 * marks likewise (／ and ∕). PDFBox writes the PDF's ToUnicode map from the font's cmap, taking the lowest character
 * of a shared glyph, so a printed 页 would read back as the radical ⻚. This rewrites the font's Unicode cmap so that a
 * shared glyph keeps only its preferred character (the ideograph; the full-width or Latin-1 mark) and returns the
 * dropped ones as aliases, which {@link PdfSheet} prints as their preferred twin: the same glyph, read back as the
 * character people type. All other tables stay byte for byte.
 */
final class UnambiguousCmap {

    /** A font whose cmap maps each glyph from one character, and the characters drawn as another's glyph. */
    record Result(byte[] font, Map<Integer, Integer> aliases) {
    }

    private UnambiguousCmap() {
    }

    /** The font with an unambiguous cmap; unchanged (no aliases) if it has no full Unicode (format 12) cmap. */
    static Result of(byte[] font) {
        ByteBuffer in = ByteBuffer.wrap(font);
        int tables = in.getShort(4) & 0xffff;
        int cmapRecord = -1;
        for (int i = 0; i < tables; i++) {
            if (in.getInt(12 + 16 * i) == tag("cmap")) {
                cmapRecord = 12 + 16 * i;
            }
        }
        if (cmapRecord < 0) {
            return new Result(font, Map.of());
        }
        TreeMap<Integer, Integer> cmap = unicodeCmap(in, in.getInt(cmapRecord + 8));
        if (cmap == null) {
            return new Result(font, Map.of());
        }
        Map<Integer, Integer> aliases = dropAliases(cmap);
        return new Result(replaceTable(in, tables, cmapRecord, cmapTable(cmap)), Map.copyOf(aliases));
    }

    /** The format 12 subtable for Unicode (platform 0 encoding 4, or Windows 3/10) as code point → glyph. */
    private static TreeMap<Integer, Integer> unicodeCmap(ByteBuffer in, int cmap) {
        int subtables = in.getShort(cmap + 2) & 0xffff;
        for (int i = 0; i < subtables; i++) {
            int record = cmap + 4 + 8 * i;
            int platform = in.getShort(record) & 0xffff;
            int encoding = in.getShort(record + 2) & 0xffff;
            int offset = cmap + in.getInt(record + 4);
            boolean full = platform == 0 && encoding == 4 || platform == 3 && encoding == 10;
            if (full && (in.getShort(offset) & 0xffff) == 12) {
                TreeMap<Integer, Integer> map = new TreeMap<>();
                int groups = in.getInt(offset + 12);
                for (int g = 0; g < groups; g++) {
                    int group = offset + 16 + 12 * g;
                    int start = in.getInt(group);
                    int end = in.getInt(group + 4);
                    int glyph = in.getInt(group + 8);
                    for (int cp = start; cp <= end; cp++) {
                        map.put(cp, glyph + cp - start);
                    }
                }
                return map;
            }
        }
        return null;
    }

    /** Removes the characters of shared glyphs that rank behind another of the same glyph; returns them → kept one. */
    private static Map<Integer, Integer> dropAliases(TreeMap<Integer, Integer> cmap) {
        Map<Integer, List<Integer>> byGlyph = new HashMap<>();
        cmap.forEach((cp, glyph) -> byGlyph.computeIfAbsent(glyph, g -> new ArrayList<>()).add(cp));
        Map<Integer, Integer> aliases = new HashMap<>();
        for (Map.Entry<Integer, List<Integer>> entry : byGlyph.entrySet()) {
            List<Integer> shared = entry.getValue();
            if (shared.size() < 2 || entry.getKey() == 0) {
                continue;
            }
            int best = shared.stream().mapToInt(UnambiguousCmap::rank).min().orElseThrow();
            int kept = shared.stream().filter(cp -> rank(cp) == best).findFirst().orElseThrow();
            for (int cp : shared) {
                if (rank(cp) > best) {
                    aliases.put(cp, kept);
                    cmap.remove(cp);
                }
            }
        }
        return aliases;
    }

    /** Which character of a shared glyph is the one people type: lower is preferred. */
    static int rank(int cp) {
        if (cp < 0x100 || cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0x3000 && cp <= 0x303F
                || cp >= 0xFF00 && cp <= 0xFF60) {
            return 0; // Latin-1, unified ideographs, CJK punctuation, full-width forms
        }
        if (cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x20000 && cp <= 0x3FFFF) {
            return 1; // extension ideographs
        }
        if (cp >= 0x2E80 && cp <= 0x2FDF || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0x2F800 && cp <= 0x2FA1F) {
            return 3; // radicals and compatibility ideographs
        }
        return 2;
    }

    /** A cmap table with one format 12 subtable, listed for Unicode full (0/4) and Windows full (3/10). */
    private static byte[] cmapTable(TreeMap<Integer, Integer> cmap) {
        List<int[]> groups = new ArrayList<>();
        int[] group = null;
        for (Map.Entry<Integer, Integer> e : cmap.entrySet()) {
            int cp = e.getKey();
            int glyph = e.getValue();
            if (group != null && cp == group[1] + 1 && glyph == group[2] + cp - group[0]) {
                group[1] = cp;
            } else {
                group = new int[] {cp, cp, glyph};
                groups.add(group);
            }
        }
        int subtable = 4 + 2 * 8;
        ByteBuffer out = ByteBuffer.allocate(subtable + 16 + 12 * groups.size());
        out.putShort((short) 0).putShort((short) 2);
        out.putShort((short) 0).putShort((short) 4).putInt(subtable);
        out.putShort((short) 3).putShort((short) 10).putInt(subtable);
        out.putShort((short) 12).putShort((short) 0).putInt(16 + 12 * groups.size()).putInt(0).putInt(groups.size());
        for (int[] g : groups) {
            out.putInt(g[0]).putInt(g[1]).putInt(g[2]);
        }
        return out.array();
    }

    /** The font file again with one table replaced: tables in their order, each on a 4-byte boundary. */
    private static byte[] replaceTable(ByteBuffer in, int tables, int replacedRecord, byte[] replacement) {
        int size = 12 + 16 * tables;
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            size += padded(record == replacedRecord ? replacement.length : in.getInt(record + 12));
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(in.array(), 0, 12);
        int offset = 12 + 16 * tables;
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            byte[] data = record == replacedRecord ? replacement
                    : Arrays.copyOfRange(in.array(), in.getInt(record + 8),
                            in.getInt(record + 8) + in.getInt(record + 12));
            out.putInt(record, in.getInt(record));
            out.putInt(record + 4, record == replacedRecord ? checksum(data) : in.getInt(record + 4));
            out.putInt(record + 8, offset);
            out.putInt(record + 12, data.length);
            out.put(offset, data);
            offset += padded(data.length);
        }
        return out.array();
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    private static int checksum(byte[] data) {
        ByteBuffer words = ByteBuffer.wrap(Arrays.copyOf(data, padded(data.length)));
        int sum = 0;
        while (words.hasRemaining()) {
            sum += words.getInt();
        }
        return sum;
    }

    private static int tag(String name) {
        return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
    }
}
