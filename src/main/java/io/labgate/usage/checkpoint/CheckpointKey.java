package io.labgate.usage.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * The Ed25519 key pair that signs checkpoints, from configuration: the private key as base64 PKCS#8, the public
 * key as base64 X.509 ({@code openssl genpkey -algorithm ed25519 -outform DER | base64}; the public half with
 * {@code openssl pkey -pubout -outform DER}). A pair whose halves do not belong together is refused.
 */
public final class CheckpointKey {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = Checkpoint.keyId(publicKey);
    }

    /** The pair from its base64 encodings; throws IllegalArgumentException when either is wrong or they differ. */
    public static CheckpointKey of(String privateBase64, String publicBase64) {
        PublicKey publicKey = publicKey(publicBase64);
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateBase64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint private key is not a base64 PKCS#8 Ed25519 key", e);
        }
        CheckpointKey key = new CheckpointKey(privateKey, publicKey);
        Checkpoint probe = key.sign(1, "0".repeat(64), Instant.EPOCH, null);
        if (!probe.signedBy(publicKey)) {
            throw new IllegalArgumentException("the checkpoint public key is not the private key's");
        }
        return key;
    }

    /** A public key from its base64 X.509 encoding. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint public key is not a base64 X.509 Ed25519 key", e);
        }
    }

    /** The checkpoint of event {@code seq} with chain hash {@code hash}, signed now ({@code at}). */
    public Checkpoint sign(long seq, String hash, Instant at, String objectKey) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(Checkpoint.statement(seq, hash, at).getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(signer.sign());
            return new Checkpoint(seq, hash, at, keyId, signature, objectKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** The public key, base64 X.509: what verifiers need. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }
}
