package io.labgate.platform.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How LabGate reaches the object store (MinIO in production, S3Proxy in the embedded default). */
@ConfigMapping(prefix = "labgate.storage")
public interface StorageConfig {

    /** S3 endpoint LabGate itself talks to, usually an internal address. */
    String endpoint();

    /** Endpoint written into presigned links for AI companies; the internal endpoint when unset. */
    Optional<String> publicEndpoint();

    /** Access key of LabGate's own storage account. */
    String accessKey();

    /** Secret key of LabGate's own storage account; never logged. */
    String secretKey();

    /** Region used for signing; set so that signing never asks the store for it. */
    @WithDefault("us-east-1")
    String region();

    /** Connect timeout for storage calls. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Read and write timeout for storage calls. */
    @WithDefault("60s")
    Duration readTimeout();
}
