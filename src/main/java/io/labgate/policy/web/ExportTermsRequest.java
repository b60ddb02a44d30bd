package io.labgate.policy.web;

import io.labgate.policy.api.ExportTerms;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A policy's export and end-of-use terms; every field may be left out for its default. */
@Schema(name = "ExportTermsRequest")
public record ExportTermsRequest(
        @Min(1)
        @Max(10)
        @Schema(
                example = "2",
                description = "Approvals an export needs (default 2); besides, an operator and a reviewer of each "
                        + "provider involved must be among them")
        Integer approvals,

        @Min(1) @Max(100_000) @Schema(example = "1000", description = "Files in one export, archive members count")
        Integer maxFiles,

        @Min(1)
        @Max(SecurityPolicyRequest.MAX_BYTE_QUOTA)
        @Schema(example = "21474836480", description = "Bytes in one export (default 20 GiB)")
        Long maxBytes,

        @Size(min = 1, max = 100)
        @Schema(
                description = "File types (extensions; any case, kept in lower case) an export may hold",
                example = "[\"safetensors\", \"csv\"]")
        List<@Pattern(regexp = "^[A-Za-z0-9]{1,16}$", message = "must be 1 to 16 letters or digits") String> fileTypes,

        @Min(1) @Max(720) @Schema(example = "72", description = "Hours an approved export can be downloaded")
        Integer releaseHours,

        @Min(1)
        @Max(365)
        @Schema(example = "14", description = "Days after a grant's end within which its destruction is attested")
        Integer attestationDays) {

    /** The terms asked for, defaults where a field (or the whole object) was left out. */
    static ExportTerms orDefaults(ExportTermsRequest request) {
        ExportTerms defaults = ExportTerms.defaults();
        if (request == null) {
            return defaults;
        }
        return new ExportTerms(
                request.approvals == null ? defaults.approvals() : request.approvals,
                request.maxFiles == null ? defaults.maxFiles() : request.maxFiles,
                request.maxBytes == null ? defaults.maxBytes() : request.maxBytes,
                request.fileTypes == null
                        ? defaults.fileTypes()
                        : request.fileTypes.stream()
                                .map(t -> t.toLowerCase(Locale.ROOT))
                                .distinct()
                                .sorted()
                                .toList(),
                request.releaseHours == null ? defaults.releaseHours() : request.releaseHours,
                request.attestationDays == null ? defaults.attestationDays() : request.attestationDays);
    }
}
