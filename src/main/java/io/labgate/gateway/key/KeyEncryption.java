package io.labgate.gateway.key;

import io.labgate.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The configured key-encryption keys as {@link SecretBox}es, by version. */
@ApplicationScoped
public class KeyEncryption {

    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, SecretBox> boxes = new HashMap<>();
    private final int activeVersion;

    @Inject
    public KeyEncryption(GatewayConfig config) {
        config.keyEncryptionKeys().forEach((version, encoded) -> {
            int v;
            try {
                v = Integer.parseInt(version.strip());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("labgate.gateway.key-encryption-keys: version '" + version
                        + "' is not a number");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(encoded.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("labgate.gateway.key-encryption-keys." + v + " is not base64");
            }
            if (key.length != SecretBox.KEY_BYTES) {
                throw new IllegalStateException("labgate.gateway.key-encryption-keys." + v + " must decode to 32 "
                        + "bytes, not " + key.length);
            }
            boxes.put(v, new SecretBox(key, random));
        });
        activeVersion = config.activeKeyVersion();
    }

    public int activeVersion() {
        return activeVersion;
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
