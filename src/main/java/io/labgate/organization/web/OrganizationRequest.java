package io.labgate.organization.web;

import io.labgate.organization.ValidBusinessRegistrationNumber;
import io.labgate.organization.api.OrganizationKind;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An organization as an operator registers or updates it. Kind and business registration number are fixed at
 * registration: an update must repeat them unchanged.
 */
@Schema(name = "OrganizationRequest")
public record OrganizationRequest(
        @NotNull @Schema(example = "AI_COMPANY") OrganizationKind kind,

        @NotBlank @Size(max = 200) @Schema(example = "Alpha AI Co., Ltd.")
        String name,

        @NotBlank
        @ValidBusinessRegistrationNumber
        @Schema(
                description = "사업자등록번호, 123-45-67890 or 1234567890; the check digit is verified",
                example = "220-81-62517")
        String businessRegistrationNumber,

        @NotBlank @Email @Size(max = 254) @Schema(example = "lab@alpha.example")
        String contactEmail,

        @NotBlank @Size(max = 200) @Schema(example = "Kim Min-jun")
        String contactName) {}
