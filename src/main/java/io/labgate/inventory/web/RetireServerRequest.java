package io.labgate.inventory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a server leaves the lab for good. */
public record RetireServerRequest(@NotBlank @Size(max = 500) String reason) {}
