package io.labgate.delivery.web;

import io.labgate.delivery.PresignedLinks;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Keys (relative to the version prefix, as listed) to get presigned links for. */
public record LinksRequest(
        @NotNull @Size(min = 1, max = PresignedLinks.MAX_KEYS, message = "must hold 1 to 100 keys")
        List<@NotBlank @Size(max = 1024) String> keys) {}
