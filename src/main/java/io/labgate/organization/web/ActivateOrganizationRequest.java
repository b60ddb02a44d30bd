package io.labgate.organization.web;

import jakarta.validation.constraints.Size;

/** Why an organization is activated; the body and the reason are optional. */
public record ActivateOrganizationRequest(@Size(max = 500) String reason) {}
