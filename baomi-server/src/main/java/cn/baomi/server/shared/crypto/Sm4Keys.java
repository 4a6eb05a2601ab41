package cn.baomi.server.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.bouncycastle.util.encoders.Hex;

/**
 * Where the SM4 key of the encrypted fields comes from (docs/decisions/0005-encrypted-fields.md): the configured
 * {@code baomi.security.sm4-key} (32 hex digits), or else the key file {@code sm4.key} in the data directory, created
 * once. Shared by the application's {@link Sm4Cipher} bean and the database migrations that encrypt existing rows.
 */
public final class Sm4Keys {

    private Sm4Keys() {
    }

    /** The cipher for the configured key, or for the data directory's key file (created when missing). */
    public static Sm4Cipher cipher(String configured, String dataDir) {
        if (configured != null && !configured.isBlank()) {
            return new Sm4Cipher(Hex.decode(configured.trim()));
        }
        Path file = Path.of(dataDir, "sm4.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[16];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Hex.toHexString(key), StandardCharsets.US_ASCII);
            }
            return new Sm4Cipher(Hex.decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the SM4 key file " + file, e);
        }
    }
}
