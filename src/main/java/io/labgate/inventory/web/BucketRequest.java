package io.labgate.inventory.web;

import io.labgate.inventory.api.BucketPurpose;
import io.labgate.inventory.bucket.BucketNames;
import io.labgate.inventory.bucket.RegistrationMode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bucket as an operator registers it. */
@Schema(name = "BucketRequest")
public record BucketRequest(
        @NotNull
        @Size(min = 3, max = 63)
        @Pattern(regexp = BucketNames.PATTERN, message = BucketNames.MESSAGE)
        @Schema(example = "processed-agri-vision")
        String name,

        @NotNull @Schema(example = "PROCESSED") BucketPurpose purpose,

        @NotNull @Positive @Schema(description = "Quota in bytes", example = "1099511627776")
        Long quotaBytes,

        @Schema(
                description =
                        "Whether the bucket is meant to keep object versions (recorded, not applied to " + "the store)",
                defaultValue = "false")
        boolean versioning,

        @Schema(
                description =
                        "Whether the bucket is meant to be encrypted at rest (recorded, not applied to " + "the store)",
                defaultValue = "false")
        boolean encryption,

        @Size(max = 500) @Schema(example = "Processed smart-farm images for vision models")
        String description,

        @NotNull
        @Schema(
                description = "REGISTER: the bucket must already exist in the store (else 422). "
                        + "CREATE: LabGate creates it in the store, or records it if it exists already.",
                example = "REGISTER")
        RegistrationMode mode) {}
