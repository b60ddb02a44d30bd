package io.labgate.inventory.web;

import io.labgate.inventory.api.BucketPurpose;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an operator may change on a registered bucket; the name never changes. */
@Schema(name = "BucketUpdateRequest")
public record BucketUpdateRequest(
        @Schema(
                description = "Optional; if sent it must be the bucket's current name, which is immutable",
                example = "processed-agri-vision")
        String name,

        @NotNull @Schema(example = "PROCESSED") BucketPurpose purpose,

        @NotNull @Positive @Schema(description = "Quota in bytes", example = "1099511627776")
        Long quotaBytes,

        @Schema(defaultValue = "false") boolean versioning,
        @Schema(defaultValue = "false") boolean encryption,
        @Size(max = 500) String description) {}
