package io.labgate.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;

/** The S3-compatible endpoint: its region, the clock skew it tolerates and the keys that encrypt access keys. */
@ConfigMapping(prefix = "labgate.gateway")
public interface GatewayConfig {

    /**
     * Key-encryption keys by version: each a base64-encoded 32-byte AES-256 key. Secrets of access keys are
     * encrypted under the active version; older versions stay here as long as keys encrypted under them live.
     * The embedded default and the tests use a published demo key, which a production start refuses.
     */
    Map<String, String> keyEncryptionKeys();

    /** The version of {@link #keyEncryptionKeys()} that encrypts new secrets. */
    @WithDefault("1")
    @Min(1)
    int activeKeyVersion();

    /** The region clients sign for ({@code aws --region}); S3 clients default to {@code us-east-1}. */
    @WithDefault("us-east-1")
    String region();

    /** How far a header-signed request's time may be from LabGate's clock (S3: 15 minutes). */
    @WithDefault("15m")
    Duration maxClockSkew();
}
