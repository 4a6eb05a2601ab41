package cn.baomi.server.personnel;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.stereotype.Component;

import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.crypto.Sm3;
import cn.baomi.server.shared.crypto.Sm4Cipher;

/**
 * Keeps scanned copies safely: only PDF, JPEG or PNG (checked by their first bytes, not their name), at most
 * {@code baomi.personnel.max-scan-size}, SM4-encrypted at rest, checked against their SM3 digest when read back.
 */
@Component
class ScanStore {

    private static final int MAX_NAME = 120;
    private final Scans scans;
    private final Sm4Cipher cipher;
    private final PersonnelSettings settings;

    ScanStore(Scans scans, Sm4Cipher cipher, PersonnelSettings settings) {
        this.scans = scans;
        this.cipher = cipher;
        this.settings = settings;
    }

    /** Stores a scan for the person; {@code field} names the input in an error. */
    long store(String field, long personId, byte[] content, String fileName, String by) {
        if (content == null || content.length == 0) {
            throw new BusinessRuleViolation(field, "personnel.scan.empty");
        }
        long max = settings.maxScanSize().toBytes();
        if (content.length > max) {
            throw new BusinessRuleViolation(field, "personnel.scan.tooLarge", settings.maxScanSize().toMegabytes());
        }
        String type = contentType(content);
        if (type == null) {
            throw new BusinessRuleViolation(field, "personnel.scan.type");
        }
        return scans.insert(personId, safeName(fileName, type), type, content.length, Sm3.hex(content),
                cipher.encryptBytes(content), by);
    }

    Scan read(long id) {
        Scans.Stored stored = scans.find(id).orElseThrow(() -> new NotFound("scan", id));
        byte[] plain = cipher.decryptBytes(stored.cipher());
        if (!Sm3.hex(plain).equals(stored.sm3())) {
            throw new IllegalStateException("scan " + id + " does not match its digest");
        }
        return new Scan(stored.id(), stored.personId(), stored.fileName(), stored.contentType(), plain);
    }

    static String contentType(byte[] c) {
        if (startsWith(c, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (c.length > 3 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xD8 && (c[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (startsWith(c, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        return null;
    }

    private static boolean startsWith(byte[] c, int... prefix) {
        if (c.length < prefix.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(c, prefix.length), toBytes(prefix));
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** A file name without paths or control characters, with the extension its content really has. */
    static String safeName(String fileName, String type) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
        String extension = switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            default -> ".png";
        };
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (base.isBlank()) {
            base = "scan";
        }
        if (base.length() > MAX_NAME - 4) {
            base = base.substring(0, MAX_NAME - 4);
        }
        String ext = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
        return base + (ext.equals(".jpeg") && extension.equals(".jpg") ? ".jpeg" : extension);
    }
}
