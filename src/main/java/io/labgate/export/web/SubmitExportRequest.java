package io.labgate.export.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an AI company asks to take out: the objects under a prefix of its own in a SANDBOX bucket. */
@Schema(name = "SubmitExportRequest")
public record SubmitExportRequest(
        @NotBlank @Size(max = 63) @Schema(example = "labgate-sandbox", description = "A registered SANDBOX bucket")
        String sandboxBucket,

        @NotBlank
        @Size(max = 900)
        @Schema(
                example = "a1000000-0000-4000-8000-000000000001/crop-model-v3/",
                description = "A prefix under the company's own part of the bucket, which begins with its "
                        + "organization id and a slash; every object under it is one artifact")
        String prefix,

        @NotBlank
        @Size(max = 2000)
        @Schema(example = "Model weights and evaluation metrics of the crop-disease classifier, for the pilot farm")
        String purpose,

        @NotNull
        @NotEmpty
        @Size(max = 20)
        @Schema(description = "The company's grants (active or ended) whose data the artifacts derive from")
        List<@NotNull UUID> grantIds) {}
