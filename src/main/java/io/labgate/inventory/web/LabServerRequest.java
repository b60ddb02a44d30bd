package io.labgate.inventory.web;

import io.labgate.inventory.api.ServerStatus;
import io.labgate.inventory.server.ServerKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lab server as an operator registers or updates it. */
@Schema(name = "LabServerRequest")
public record LabServerRequest(
        @NotBlank
        @Size(max = 253)
        @Pattern(
                regexp =
                        "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$",
                message = "must be a valid host name")
        @Schema(example = "gpu-01.lab.internal")
        String hostname,

        @NotBlank
        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9-]{0,63}$", message = "must be letters, digits and dashes")
        @Schema(example = "LAB-GPU-0001")
        String assetTag,

        @NotNull @Schema(example = "GPU") ServerKind kind,
        @Min(1) @Max(4096) @Schema(example = "64") int cpuCores,
        @Min(1) @Max(65536) @Schema(example = "512") int memoryGib,
        @Size(max = 100) @Schema(example = "NVIDIA A100") String gpuModel,
        @Min(0) @Max(64) @Schema(example = "8") int gpuCount,
        @Min(0) @Max(1024) @Schema(example = "80") int gpuMemoryGib,

        @NotBlank @Size(max = 200) @Schema(example = "Rack B2, server room 1")
        String location,

        @NotBlank
        @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,63}$", message = "must be lower-case letters, digits and dashes")
        @Schema(example = "lab-secure")
        String networkZone,

        @Schema(description = "AVAILABLE or MAINTENANCE; retire a server with POST .../retire")
        ServerStatus status) {}
