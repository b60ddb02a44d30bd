package io.labgate.access.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an operator suspends, resumes or revokes a grant. */
public record GrantReasonRequest(@NotBlank @Size(max = 2000) String reason) {}
