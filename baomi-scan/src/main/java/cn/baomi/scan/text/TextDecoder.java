package cn.baomi.scan.text;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Detects the encoding of plain text among UTF-8, UTF-16 (with or without BOM) and GB18030 (a
 * superset of GBK and GB2312), from the first 64 KB.
 */
public final class TextDecoder {

    private static final int SNIFF = 64 * 1024;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoder() {
    }

    /** Decodes a whole byte array. */
    public static String decode(byte[] bytes) {
        int skip = bomLength(bytes, bytes.length);
        if (skip == 0 && !looksUtf16(bytes, Math.min(bytes.length, SNIFF))) {
            // one fast pass: valid UTF-8 decodes without replacement characters
            String utf8 = new String(bytes, StandardCharsets.UTF_8);
            if (utf8.indexOf('\uFFFD') < 0 || isUtf8(bytes, bytes.length)) {
                return utf8;
            }
            return new String(bytes, detect(bytes, Math.min(bytes.length, SNIFF)));
        }
        Charset cs = detect(bytes, Math.min(bytes.length, SNIFF));
        return new String(bytes, skip, bytes.length - skip, cs);
    }

    private static boolean looksUtf16(byte[] b, int len) {
        Charset cs = detect16(b, len);
        return cs != null;
    }

    /** A reader over a stream, its charset detected from the first bytes; the BOM is skipped. */
    public static Reader reader(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, SNIFF);
        b.mark(SNIFF);
        byte[] head = b.readNBytes(SNIFF);
        b.reset();
        Charset cs = detect(head, head.length);
        b.skipNBytes(bomLength(head, head.length));
        return new InputStreamReader(b, cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** The detected charset of a sample. */
    public static Charset detect(byte[] b, int len) {
        if (len >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (len >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (len >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        Charset utf16 = detect16(b, len);
        if (utf16 != null) {
            return utf16;
        }
        if (isUtf8(b, len)) {
            return StandardCharsets.UTF_8;
        }
        return GB18030;
    }

    /** UTF-16 without BOM: many zero bytes on one side, or CJK-looking code units. */
    private static Charset detect16(byte[] b, int len) {
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < len; i++) {
            if (b[i] == 0) {
                if ((i & 1) == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        if (len >= 4 && oddZeros > len / 8 && oddZeros > 4 * evenZeros) {
            return StandardCharsets.UTF_16LE;
        }
        if (len >= 4 && evenZeros > len / 8 && evenZeros > 4 * oddZeros) {
            return StandardCharsets.UTF_16BE;
        }
        if (len >= 4 && evenZeros + oddZeros > 0 && looksUtf16Cjk(b, len)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static boolean looksUtf16Cjk(byte[] b, int len) {
        int cjk = 0;
        int pairs = len / 2;
        for (int i = 0; i + 1 < len; i += 2) {
            int c = (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
            if ((c >= 0x4E00 && c <= 0x9FFF) || c < 0x80) {
                cjk++;
            }
        }
        return cjk > pairs * 9 / 10;
    }

    private static boolean isUtf8(byte[] b, int len) {
        int end = len;
        // a multi-byte sequence cut by the sample's end is not an error
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (b[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (b[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            d.decode(ByteBuffer.wrap(b, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int bomLength(byte[] b, int len) {
        if (len >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if (len >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
            return 2;
        }
        return 0;
    }
}
