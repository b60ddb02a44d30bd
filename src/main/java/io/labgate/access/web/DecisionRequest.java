package io.labgate.access.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The operator's decision on a request UNDER_REVIEW; a rejection needs a reason. */
public record DecisionRequest(
        @NotNull Boolean approve, @Size(max = 2000) String reason) {}
