package io.labgate.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for access-key secrets: a fresh random 12-byte IV per secret, a 128-bit tag, and the access key id
 * as additional authenticated data, so a ciphertext only opens for the key id it was sealed for. The sealed form is
 * {@code IV || ciphertext || tag}. Pure Java, no Quarkus.
 */
public final class SecretBox {

    public static final int KEY_BYTES = 32;
    public static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final SecureRandom random;

    public SecretBox(byte[] key, SecureRandom random) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Encrypts the secret for this access key id. */
    public byte[] seal(String secret, String accessKeyId) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(accessKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Decrypts a secret sealed for this access key id.
     *
     * @throws SecretBoxException when the ciphertext, the key or the access key id does not match
     */
    public String open(byte[] sealed, String accessKeyId) {
        if (sealed == null || sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecretBoxException("sealed secret is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(
                    Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 0, IV_BYTES)));
            cipher.updateAAD(accessKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretBoxException("sealed secret does not open with this key for " + accessKeyId);
        } catch (GeneralSecurityException e) {
            throw new SecretBoxException(
                    "sealed secret cannot be opened: " + e.getClass().getSimpleName());
        }
    }

    /** A sealed secret that does not open: wrong key, wrong access key id, or tampered bytes. */
    public static final class SecretBoxException extends RuntimeException {
        public SecretBoxException(String message) {
            super(message, null, false, false);
        }
    }
}
