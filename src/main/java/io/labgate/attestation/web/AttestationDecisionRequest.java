package io.labgate.attestation.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An operator's decision on a SUBMITTED attestation; a rejection needs a reason (the company reads it). */
public record AttestationDecisionRequest(
        @NotNull Boolean accept, @Size(max = 2000) String reason) {}
