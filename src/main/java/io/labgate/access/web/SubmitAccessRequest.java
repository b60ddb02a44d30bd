package io.labgate.access.web;

import io.labgate.access.request.PurposeCategory;
import io.labgate.access.request.ServerSlot;
import io.labgate.policy.api.AccessMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An AI company's application: which dataset versions, for what, when, how, under which terms. */
public record SubmitAccessRequest(
        @NotEmpty @Size(max = 20) List<@NotNull UUID> datasetVersionIds,
        @NotBlank @Size(max = 200) String projectTitle,
        @NotBlank @Size(max = 4000) String purpose,
        @NotNull PurposeCategory purposeCategory,
        @NotNull Instant periodFrom,
        @NotNull Instant periodUntil,
        @NotEmpty Set<@NotNull AccessMode> accessModes,
        @NotBlank @Size(max = 32) String termsVersion,

        @Size(max = 5) @Schema(description = "Lab servers wanted for slots within the period; approval books them")
        List<@Valid @NotNull ServerSlot> servers) {

    /** The requested servers; none when the field is absent. */
    public List<ServerSlot> serversOrNone() {
        return servers == null ? List.of() : servers;
    }
}
