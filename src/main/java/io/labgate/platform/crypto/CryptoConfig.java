package io.labgate.platform.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.util.Map;

/**
 * The key-encryption keys that seal every stored secret (access-key secrets, webhook signing secrets). The keys keep
 * their first-round names under {@code labgate.gateway} so that existing deployments need no change.
 */
@ConfigMapping(prefix = "labgate.gateway")
public interface CryptoConfig {

    /**
     * Key-encryption keys by version: each a base64-encoded 32-byte AES-256 key. Secrets are encrypted under the
     * active version; older versions stay here as long as secrets encrypted under them live. The embedded default
     * and the tests use a published demo key, which a production start refuses.
     */
    Map<String, String> keyEncryptionKeys();

    /** The version of {@link #keyEncryptionKeys()} that encrypts new secrets. */
    @WithDefault("1")
    @Min(1)
    int activeKeyVersion();
}
