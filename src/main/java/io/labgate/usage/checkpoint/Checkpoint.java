package io.labgate.usage.checkpoint;

import io.labgate.usage.EventDigest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed statement that the usage log's event {@code seq} had chain hash {@code hash} at {@code signedAt}. The
 * signed bytes are {@link #statement()}: a versioned, line-based text, so that anyone can check a signature with
 * any Ed25519 implementation.
 *
 * @param keyId the first 16 hex digits of the SHA-256 of the public key's X.509 encoding
 * @param signature the Ed25519 signature of {@link #statement()}, base64
 * @param objectKey where the checkpoint is kept in the object store, or null
 */
public record Checkpoint(long seq, String hash, Instant signedAt, String keyId, String signature, String objectKey) {

    static final String VERSION = "labgate-usage-checkpoint/1";

    /** What is signed. */
    public String statement() {
        return statement(seq, hash, signedAt);
    }

    static String statement(long seq, String hash, Instant signedAt) {
        return VERSION + "\nseq=" + seq + "\nhash=" + hash + "\nsigned_at=" + EventDigest.instant(signedAt) + "\n";
    }

    /** Whether the signature is the public key's over this statement. */
    public boolean signedBy(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(statement().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The id of a public key: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
