package io.labgate.access.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A provider's answer for one of its datasets: GRANTED or REFUSED (a refusal needs a reason). */
public record ConsentRequest(
        @NotNull @Pattern(regexp = "GRANTED|REFUSED", message = "must be GRANTED or REFUSED")
        String decision,

        @Size(max = 2000) String reason) {}
