package cn.baomi.scan.extract;

import cn.baomi.scan.text.TextDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Locale;
import java.util.Set;

/** Plain text read directly (no Tika), its encoding detected, within the character budget. */
final class PlainText {

    private static final Set<String> EXTENSIONS = Set.of("txt", "text", "csv", "tsv", "log", "md", "ini", "conf",
            "cfg", "json", "yaml", "yml", "properties", "sql", "srt", "lrc");
    private static final byte[][] BINARY_MAGIC = {
        {'P', 'K', 3, 4}, {'%', 'P', 'D', 'F'}, {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0},
        {'R', 'a', 'r', '!'}, {'7', 'z', (byte) 0xBC, (byte) 0xAF}, {0x1F, (byte) 0x8B}, {'{', '\\', 'r', 't', 'f'}
    };

    private PlainText() {
    }

    /** True for a text extension whose content does not start like an office file or archive. */
    static boolean looksPlain(String fileName, byte[] head) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!EXTENSIONS.contains(ext)) {
            return false;
        }
        for (byte[] magic : BINARY_MAGIC) {
            if (startsWith(head, magic)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Appends the decoded text to {@code sb}; on a tripped limit, what was read stays in it. */
    static void read(InputStream in, Budget budget, StringBuilder sb) throws IOException {
        Reader reader = TextDecoder.reader(in);
        char[] buf = new char[16384];
        while (true) {
            long left = budget.charsLeft();
            int n = reader.read(buf, 0, (int) Math.min(buf.length, Math.max(1, left)));
            if (n < 0) {
                return;
            }
            if (left <= 0) {
                budget.chars(n);
            }
            sb.append(buf, 0, n);
            budget.chars(n);
        }
    }
}
