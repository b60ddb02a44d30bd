package io.labgate.export.web;

import io.labgate.export.Verdict;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reviewer's verdict on the current round of an export, with its reason (shown to the company). */
@Schema(name = "ReviewExportRequest")
public record ReviewExportRequest(
        @NotNull @Schema(description = "APPROVE, REFUSE (a provider's refusal is a veto over its data) or ASK_CHANGES")
        Verdict verdict,

        @NotBlank @Size(max = 2000) @Schema(example = "Metrics only; no rows of the dataset in the result tables")
        String reason) {}
