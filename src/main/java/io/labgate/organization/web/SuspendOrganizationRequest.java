package io.labgate.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an organization is suspended; required. */
public record SuspendOrganizationRequest(
        @NotBlank @Size(max = 500) String reason) {}
