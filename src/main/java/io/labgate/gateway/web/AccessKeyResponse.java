package io.labgate.gateway.web;

import io.labgate.gateway.key.AccessKey;
import java.time.Instant;
import java.util.UUID;

/** An access key as listed: never its secret. {@code revokedAt} is set once it was revoked. */
public record AccessKeyResponse(
        UUID id,
        UUID grantId,
        String accessKeyId,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        String revokedBy) {

    public static AccessKeyResponse from(AccessKey key) {
        return new AccessKeyResponse(
                key.id, key.grantId, key.accessKeyId, key.createdAt, key.createdBy, key.revokedAt, key.revokedBy);
    }
}
