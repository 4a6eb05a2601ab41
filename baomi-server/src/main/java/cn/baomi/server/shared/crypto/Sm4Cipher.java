package cn.baomi.server.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 (GB/T 32907) in GCM mode for fields stored encrypted, such as ID numbers. Each value gets a
 * fresh 12-byte nonce; the stored form is Base64(nonce || ciphertext || tag). The same key also
 * derives an HMAC-SM3 digest so that an encrypted value can still be looked up and kept unique.
 */
public final class Sm4Cipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final byte[] key;

    public Sm4Cipher(byte[] key) {
        if (key.length != 16) {
            throw new IllegalArgumentException("an SM4 key has 16 bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    public String encrypt(String plain) {
        return Base64.getEncoder().encodeToString(encryptBytes(plain.getBytes(StandardCharsets.UTF_8)));
    }

    public String decrypt(String stored) {
        return new String(open(Base64.getDecoder().decode(stored), "stored value"), StandardCharsets.UTF_8);
    }

    /** Encrypts a file's bytes (a scanned form): nonce || ciphertext || tag, for a binary column. */
    public byte[] encryptBytes(byte[] input) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce));
        byte[] out = new byte[NONCE_BYTES + gcm.getOutputSize(input.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int length = gcm.processBytes(input, 0, input.length, out, NONCE_BYTES);
        try {
            gcm.doFinal(out, NONCE_BYTES + length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4 encryption failed", e);
        }
        return out;
    }

    /** Reverses {@link #encryptBytes}; a changed or truncated value fails the GCM tag check. */
    public byte[] decryptBytes(byte[] stored) {
        return open(stored, "stored file");
    }

    private byte[] open(byte[] stored, String what) {
        byte[] nonce = Arrays.copyOfRange(stored, 0, NONCE_BYTES);
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(false, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce));
        byte[] out = new byte[gcm.getOutputSize(stored.length - NONCE_BYTES)];
        int length = gcm.processBytes(stored, NONCE_BYTES, stored.length - NONCE_BYTES, out, 0);
        try {
            length += gcm.doFinal(out, length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(what + " does not decrypt with this SM4 key", e);
        }
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    /** A keyed digest for lookups and uniqueness of an encrypted value. */
    public String digest(String plain) {
        return Sm3.hmacHex(key, plain);
    }
}
