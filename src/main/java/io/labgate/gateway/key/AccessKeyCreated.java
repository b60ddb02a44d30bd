package io.labgate.gateway.key;

import java.time.Instant;
import java.util.UUID;

/**
 * A new access key with its secret: the only time the secret is ever shown. Configure an S3 client with
 * {@code accessKeyId}, {@code secretAccessKey}, {@code region}, path-style addressing and the endpoint
 * {@code <LabGate URL>/s3}.
 */
public record AccessKeyCreated(
        UUID id,
        UUID grantId,
        String accessKeyId,
        String secretAccessKey,
        String region,
        Instant createdAt,
        String createdBy) {

    @Override
    public String toString() {
        return "AccessKeyCreated[" + accessKeyId + ", grant " + grantId + "]"; // never the secret
    }
}
