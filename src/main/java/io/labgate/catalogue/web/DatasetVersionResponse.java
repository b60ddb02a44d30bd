package io.labgate.catalogue.web;

import io.labgate.catalogue.Attestation;
import io.labgate.catalogue.DatasetVersion;
import io.labgate.catalogue.DatasetVersionStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dataset version as the API shows it. */
public record DatasetVersionResponse(
        UUID id,
        UUID datasetId,
        String label,
        UUID bucketId,
        String bucketName,
        String prefix,
        DatasetVersionStatus status,

        @Schema(description = "Objects in the manifest (0 until it is built)")
        long objectCount,

        @Schema(description = "Bytes in the manifest (0 until it is built)")
        long totalBytes,

        Instant manifestBuiltAt,

        @Schema(description = "Null until an operator records one")
        Attestation attestation,

        Instant publishedAt,
        Instant retiredAt,
        String retiredReason,
        Instant createdAt,
        @Schema(description = "Also the ETag") long version) {

    public static DatasetVersionResponse from(DatasetVersion v, String bucketName) {
        return new DatasetVersionResponse(
                v.id,
                v.datasetId,
                v.label,
                v.bucketId,
                bucketName,
                v.prefix,
                v.status,
                v.objectCount,
                v.totalBytes,
                v.manifestBuiltAt,
                Attestation.of(v),
                v.publishedAt,
                v.retiredAt,
                v.retiredReason,
                v.createdAt,
                v.version);
    }
}
