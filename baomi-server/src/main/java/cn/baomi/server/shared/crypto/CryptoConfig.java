package cn.baomi.server.shared.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.bouncycastle.util.encoders.Hex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SM4 key for encrypted fields: {@code baomi.security.sm4-key} (32 hex digits, for several nodes
 * sharing one database), or else a key file {@code sm4.key} created once in the data directory.
 * Back the key up with the database: without it the encrypted fields cannot be read.
 */
@Configuration
class CryptoConfig {

    @Bean
    Sm4Cipher sm4Cipher(@Value("${baomi.security.sm4-key:}") String configured,
                        @Value("${baomi.data-dir}") String dataDir) throws IOException {
        if (!configured.isBlank()) {
            return new Sm4Cipher(Hex.decode(configured.trim()));
        }
        Path file = Path.of(dataDir, "sm4.key");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] key = new byte[16];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Hex.toHexString(key), StandardCharsets.US_ASCII);
        }
        return new Sm4Cipher(Hex.decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
    }
}
