package io.labgate.policy.web;

import io.labgate.policy.PolicyTerms;
import io.labgate.policy.api.AccessMode;
import io.labgate.policy.api.ClientNetworks;
import io.labgate.policy.api.ExportTerms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The terms of a next version of a policy, or the new terms of an unlocked version; the path names the code. */
@Schema(name = "SecurityPolicyVersionRequest")
public record SecurityPolicyVersionRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Standard de-identified data")
        String title,

        @Size(max = 4000) String description,

        @NotNull @Min(1) @Max(365) @Schema(example = "90", description = "Longest grant, in days")
        Integer maxGrantDays,

        @NotNull
        @Min(60)
        @Max(86400)
        @Schema(example = "900", description = "Lifetime cap of presigned links, in seconds")
        Integer maxLinkSeconds,

        @NotEmpty @Schema(description = "At least one access mode")
        Set<AccessMode> allowedModes,

        @NotNull
        @Size(max = ClientNetworks.MAX_NETWORKS)
        @Schema(description = SecurityPolicyRequest.NETWORKS, example = "[\"10.20.0.0/16\", \"2001:db8:1::/48\"]")
        List<String> allowedNetworks,

        @NotNull @Schema(description = "Whether every data provider of a dataset must consent to each request")
        Boolean consentRequired,

        @NotNull
        @Pattern(regexp = "^[A-Za-z0-9._-]{1,32}$", message = "must be 1 to 32 letters, digits, '.', '_' or '-'")
        @Schema(example = "2026-1", description = "Version of the terms of use an AI company must accept")
        String termsVersion,

        @NotNull
        @Min(1)
        @Max(100)
        @Schema(example = "3", description = "Live grants per organization under this policy")
        Integer maxConcurrentGrants,

        @NotNull
        @Min(1)
        @Max(SecurityPolicyRequest.MAX_BYTE_QUOTA)
        @Schema(example = "1099511627776", description = "Bytes one grant may read, 1 to 2^50")
        Long byteQuotaPerGrant,

        @Valid @Schema(description = "What may leave the lab and what is asked when use ends; defaults if left out")
        ExportTermsRequest exports)
        implements PolicyTerms {

    @Override
    public ExportTerms exportTerms() {
        return ExportTermsRequest.orDefaults(exports);
    }
}
