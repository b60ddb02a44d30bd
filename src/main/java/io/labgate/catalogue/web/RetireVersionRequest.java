package io.labgate.catalogue.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a published version is withdrawn from the catalogue. */
public record RetireVersionRequest(
        @NotBlank @Size(max = 500) String reason) {}
