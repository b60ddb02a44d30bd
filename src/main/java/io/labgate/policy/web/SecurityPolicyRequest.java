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

/** A new security policy: its code and the terms of its version 1. */
@Schema(name = "SecurityPolicyRequest")
public record SecurityPolicyRequest(
        @NotNull
        @Pattern(
                regexp = SecurityPolicyRequest.CODE,
                message = "must be 3 to 64 lower-case letters, digits and dashes, starting with a letter")
        @Schema(example = "standard-deid", description = "Stable slug that names the policy across versions")
        String code,

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

    static final String CODE = "^[a-z][a-z0-9-]{2,63}$";

    /** 2^50 bytes (1 PiB). */
    static final long MAX_BYTE_QUOTA = 1L << 50;

    static final String NETWORKS = "Client networks in CIDR notation, IPv4 or IPv6, at most 50; an empty list "
            + "allows any network. Each is stored in normal form (2001:DB8:0::/32 becomes 2001:db8::/32, a bare "
            + "address becomes /32 or /128). A network with address bits set after its prefix (10.1.2.3/8) is "
            + "refused rather than widened. IPv4-mapped IPv6 clients match IPv4 networks.";
}
