package io.labgate.catalogue.web;

import io.labgate.catalogue.DeidentificationMethod;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The de-identification attestation of a DRAFT version: who checked it, how, when and with what result. */
@Schema(name = "AttestationRequest")
public record AttestationRequest(
        @NotNull @Schema(example = "PSEUDONYMISATION") DeidentificationMethod method,

        @NotBlank @Size(max = 200) @Schema(example = "Kim Jiwoo, privacy officer")
        String verifier,

        @NotNull @Schema(description = "Day of the verification; not in the future", example = "2026-03-02")
        LocalDate verifiedOn,

        @Size(max = 2000) String note,

        @NotNull @Schema(description = "True when the verifier confirmed the de-identification")
        Boolean verified) {}
