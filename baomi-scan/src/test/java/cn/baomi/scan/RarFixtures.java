package cn.baomi.scan;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Minimal RAR writers for tests (there is no RAR writer in Java, and Debian's {@code rar} is
 * non-free): entries are stored uncompressed (method "store"), which is a valid archive that any
 * RAR reader accepts. Layouts follow RARLAB's technote (RAR 2.9–4.x) and its RAR 5.0 archive format
 * description. "Encrypted" entries carry the encryption flag or record and random bytes as data:
 * enough for a reader to see that a password is needed, not a real cipher text.
 */
public final class RarFixtures {

    private RarFixtures() {
    }

    /** A RAR4 archive of stored entries; names may hold any characters (Unicode name field). */
    public static byte[] rar4(Map<String, byte[]> entries, boolean encrypted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x00});
        block4(out, 0x73, 0, new byte[6]);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] data = encrypted ? noise(e.getValue().length + 16) : e.getValue();
            byte[] name = unicodeName(e.getKey());
            int flags = 0x8000 | 0x200 | (encrypted ? 0x04 | 0x400 : 0);
            ByteBuffer b = ByteBuffer.allocate(25 + name.length + (encrypted ? 8 : 0)).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(data.length).putInt(e.getValue().length).put((byte) 3).putInt((int) crc(e.getValue()))
                    .putInt(0x58210000).put((byte) 29).put((byte) 0x30).putShort((short) name.length)
                    .putInt(0x81A4).put(name);
            if (encrypted) {
                b.put(noise(8));
            }
            block4(out, 0x74, flags, b.array());
            out.writeBytes(data);
        }
        block4(out, 0x7B, 0x4000, new byte[0]);
        return out.toByteArray();
    }

    /** HEAD_CRC, HEAD_TYPE, HEAD_FLAGS, HEAD_SIZE, then the fields; the CRC covers all but itself. */
    private static void block4(ByteArrayOutputStream out, int type, int flags, byte[] fields) {
        ByteBuffer h = ByteBuffer.allocate(5 + fields.length).order(ByteOrder.LITTLE_ENDIAN);
        h.put((byte) type).putShort((short) flags).putShort((short) (7 + fields.length)).put(fields);
        int crc = (int) (crc(h.array()) & 0xFFFF);
        out.write(crc & 0xFF);
        out.write(crc >>> 8);
        out.writeBytes(h.array());
    }

    /** RAR4 Unicode name: an ASCII form, a zero, then every character as two bytes (mode 2). */
    private static byte[] unicodeName(String name) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (char c : name.toCharArray()) {
            b.write(c < 0x80 ? c : '_');
        }
        b.write(0);
        b.write(0); // high byte for mode 1, unused
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (i % 4 == 0) {
                b.write(0xAA); // four times mode 2
            }
            b.write(chars[i] & 0xFF);
            b.write(chars[i] >>> 8);
        }
        return b.toByteArray();
    }

    /** A RAR5 archive of stored entries with UTF-8 names. */
    public static byte[] rar5(Map<String, byte[]> entries, boolean encrypted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x01, 0x00});
        header5(out, body(1, 0, vint(0)));
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] data = encrypted ? noise(((e.getValue().length + 15) / 16) * 16) : e.getValue();
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream extra = new ByteArrayOutputStream();
            if (encrypted) {
                // file encryption record: type 1, version 0 (AES-256), flags 0, KDF count, salt, IV
                ByteArrayOutputStream rec = new ByteArrayOutputStream();
                rec.writeBytes(vint(1));
                rec.writeBytes(vint(0));
                rec.writeBytes(vint(0));
                rec.write(15);
                rec.writeBytes(noise(32));
                extra.writeBytes(vint(rec.size()));
                extra.writeBytes(rec.toByteArray());
            }
            ByteArrayOutputStream f = new ByteArrayOutputStream();
            int flags = 0x02 | (encrypted ? 0x01 : 0);
            f.writeBytes(vint(2));
            f.writeBytes(vint(flags));
            if (encrypted) {
                f.writeBytes(vint(extra.size()));
            }
            f.writeBytes(vint(data.length));
            f.writeBytes(vint(0x04)); // file flags: data CRC32 present
            f.writeBytes(vint(e.getValue().length));
            f.writeBytes(vint(0x1A4)); // attributes (rw-r--r--)
            f.writeBytes(le32(crc(e.getValue())));
            f.writeBytes(vint(0)); // compression: version 0, method 0 = store
            f.writeBytes(vint(1)); // host OS: Unix
            f.writeBytes(vint(name.length));
            f.writeBytes(name);
            f.writeBytes(extra.toByteArray());
            header5(out, f.toByteArray());
            out.writeBytes(data);
        }
        header5(out, body(5, 0, vint(0)));
        return out.toByteArray();
    }

    /**
     * A RAR5 archive whose headers are encrypted ({@code rar -hp}): an archive encryption header
     * (type 4) followed by what would be AES-encrypted headers (random bytes here).
     */
    public static byte[] rar5EncryptedHeaders() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x01, 0x00});
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        fields.writeBytes(vint(0)); // encryption version: AES-256
        fields.writeBytes(vint(0x01)); // password check value present
        fields.write(15); // KDF count (log2)
        fields.writeBytes(noise(16)); // salt
        fields.writeBytes(noise(12)); // check value
        header5(out, body(4, 0, fields.toByteArray()));
        out.writeBytes(noise(16 + 64)); // IV and encrypted main/file headers
        return out.toByteArray();
    }

    private static byte[] body(int type, int flags, byte[] fields) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(vint(type));
        b.writeBytes(vint(flags));
        b.writeBytes(fields);
        return b.toByteArray();
    }

    /** CRC32 of (size vint + body), then size vint and body. */
    private static void header5(ByteArrayOutputStream out, byte[] body) {
        byte[] size = vint(body.length);
        CRC32 crc = new CRC32();
        crc.update(size);
        crc.update(body);
        out.writeBytes(le32(crc.getValue()));
        out.writeBytes(size);
        out.writeBytes(body);
    }

    private static byte[] vint(long v) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        long x = v;
        do {
            int low = (int) (x & 0x7F);
            x >>>= 7;
            b.write(x != 0 ? low | 0x80 : low);
        } while (x != 0);
        return b.toByteArray();
    }

    private static byte[] le32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    private static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    private static byte[] noise(int n) {
        byte[] b = new byte[n];
        new java.util.Random(n).nextBytes(b);
        return b;
    }
}
