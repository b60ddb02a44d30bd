package io.labgate.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The key-encryption keys (KEKs) as {@link SecretBox}es, by version, one of them active: new secrets are sealed
 * under the active version, every configured version opens what was sealed under it. The bean reads
 * {@code labgate.gateway.key-encryption-keys}; {@link #KeyRing(Map, int)} builds any other ring, e.g. the
 * configuration of the next rollout.
 */
@ApplicationScoped
public class KeyRing {

    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, SecretBox> boxes = new HashMap<>();
    private final int activeVersion;

    @Inject
    public KeyRing(CryptoConfig config) {
        this(decode(config.keyEncryptionKeys()), config.activeKeyVersion());
    }

    /** A ring of raw 32-byte keys by version; the active version need not be among them (then nothing seals). */
    public KeyRing(Map<Integer, byte[]> keys, int activeVersion) {
        keys.forEach((version, key) -> {
            if (version == null || version < 1) {
                throw new IllegalStateException(
                        "labgate.gateway.key-encryption-keys: version " + version + " is not a positive number");
            }
            if (Objects.requireNonNull(key, "key").length != SecretBox.KEY_BYTES) {
                throw new IllegalStateException("labgate.gateway.key-encryption-keys." + version + " must decode "
                        + "to 32 bytes, not " + key.length);
            }
            boxes.put(version, new SecretBox(key, random));
        });
        this.activeVersion = activeVersion;
    }

    private static Map<Integer, byte[]> decode(Map<String, String> configured) {
        Map<Integer, byte[]> keys = new TreeMap<>();
        configured.forEach((version, encoded) -> {
            int v;
            try {
                v = Integer.parseInt(version.strip());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(
                        "labgate.gateway.key-encryption-keys: version '" + version + "' is not a number");
            }
            try {
                keys.put(v, Base64.getDecoder().decode(encoded.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("labgate.gateway.key-encryption-keys." + v + " is not base64");
            }
        });
        return keys;
    }

    public int activeVersion() {
        return activeVersion;
    }

    /** The versions configured, ascending. */
    public SortedSet<Integer> versions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(boxes.keySet()));
    }

    public boolean has(int version) {
        return boxes.containsKey(version);
    }

    /** The box of the active version; fails when that version is not configured. */
    public SecretBox active() {
        return version(activeVersion);
    }

    public SecretBox version(int version) {
        SecretBox box = boxes.get(version);
        if (box == null) {
            throw new IllegalStateException("no key-encryption key of version " + version
                    + " is configured (labgate.gateway.key-encryption-keys)");
        }
        return box;
    }

    public SecureRandom random() {
        return random;
    }
}
