package io.labgate.access.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a provider excludes an AI company from its data. */
public record ExclusionRequest(@NotBlank @Size(max = 2000) String reason) {}
