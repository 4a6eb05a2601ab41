package cn.baomi.server.shared.crypto;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SM4 key for encrypted fields: {@code baomi.security.sm4-key} (32 hex digits, for several nodes
 * sharing one database), or else a key file {@code sm4.key} created once in the data directory ({@link Sm4Keys}).
 * Back the key up with the database: without it the encrypted fields cannot be read.
 */
@Configuration
class CryptoConfig {

    @Bean
    Sm4Cipher sm4Cipher(@Value("${baomi.security.sm4-key:}") String configured,
                        @Value("${baomi.data-dir}") String dataDir) {
        return Sm4Keys.cipher(configured, dataDir);
    }
}
