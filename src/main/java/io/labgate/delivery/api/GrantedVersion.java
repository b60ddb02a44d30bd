package io.labgate.delivery.api;

import io.labgate.policy.api.AccessMode;
import java.time.Instant;
import java.util.UUID;

/**
 * A grant that {@link ObjectDelivery#authorize} found usable for one request: where its objects are and the
 * policy terms the access paths need. Valid for that request only; a long download checks the grant again.
 *
 * @param bucket the store bucket of the version
 * @param prefix the version's key prefix in that bucket; API keys are relative to it
 * @param maxLinkSeconds the policy's longest presigned link
 * @param validUntil the grant's end
 * @param context the request this authorization was made for (refusals found later are logged with it)
 * @param datasetCode the dataset's code and {@code versionLabel} the version's label (the S3 endpoint names its
 *     bucket after them)
 * @param publishedAt when the version was published
 */
public record GrantedVersion(
        UUID grantId,
        UUID organizationId,
        UUID datasetVersionId,
        String bucket,
        String prefix,
        AccessMode mode,
        int maxLinkSeconds,
        Instant validUntil,
        long byteQuota,
        AccessContext context,
        String datasetCode,
        String versionLabel,
        Instant publishedAt) {}
