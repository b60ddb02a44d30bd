package io.labgate.catalogue.web;

import io.labgate.catalogue.api.UseCondition;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dataset as an operator creates or updates it. On update the code, industry and AI technology must be
 * repeated unchanged (they are what the dataset is); title, description, use conditions, providers and policy
 * may change.
 */
@Schema(name = "DatasetRequest")
public record DatasetRequest(
        @NotBlank
        @Pattern(
                regexp = "^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$",
                message = "must be 3 to 64 lower-case letters, digits and dashes, not starting or ending with a dash")
        @Schema(example = "jeju-crop-disease-images")
        String code,

        @NotBlank @Size(max = 200) @Schema(example = "Crop disease images from Jeju farms")
        String title,

        @Size(max = 4000) String description,

        @NotBlank @Size(max = 32) @Schema(example = "SMART_FARM")
        String industryCode,

        @NotBlank @Size(max = 32) @Schema(example = "VISION")
        String aiTechnologyCode,

        @NotNull @Schema(description = "Id of the security policy version that governs the dataset")
        UUID securityPolicyId,

        @NotNull @Size(max = 5) List<@NotNull UseCondition> useConditions,

        @NotEmpty @Size(max = 50) @Schema(description = "DATA_PROVIDER organizations whose data this is")
        List<@NotNull UUID> providerIds) {}
