package io.labgate.catalogue.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new DRAFT version: where its objects are. */
@Schema(name = "DatasetVersionRequest")
public record DatasetVersionRequest(
        @NotBlank
        @Pattern(
                regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$",
                message = "must be 1 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit")
        @Schema(example = "v1")
        String label,

        @NotNull @Schema(description = "A registered PROCESSED bucket")
        UUID bucketId,

        @NotBlank
        @Size(max = 512)
        @Pattern(
                regexp = "^(?!/)(?!.*\\.\\.)(?!.*//).*/$",
                message = "must end with '/', not start with '/', and contain neither '..' nor '//'")
        @Schema(example = "crop-disease/v1/")
        String prefix) {}
