package io.labgate.reference.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An industry or AI technology as an operator registers or updates it; an update repeats the code unchanged. */
@Schema(name = "ReferenceEntryRequest")
public record ReferenceEntryRequest(
        @NotBlank
        @Pattern(
                regexp = ReferenceEntryRequest.CODE,
                message = "must be 2 to 32 upper-case letters, digits, '_' or '-', starting with a letter")
        @Schema(example = "SMART_FARM")
        String code,

        @NotBlank @Size(max = 200) @Schema(example = "Smart farming")
        String name,

        @Size(max = 200) @Schema(example = "스마트팜") String nameKo,

        @Size(max = 2000) @Schema(example = "Greenhouse sensor and crop image data from Jeju farms")
        String description) {

    static final String CODE = "^[A-Z][A-Z0-9_-]{1,31}$";
}
