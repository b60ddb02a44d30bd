package io.labgate.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How well one industry × AI technology pair is covered by published datasets. */
public record CoverageEntry(
        String industryCode,
        String aiTechnologyCode,

        @Schema(description = "Datasets of this pair with at least one PUBLISHED version")
        long publishedDatasets,

        @Schema(description = "Distinct provider organizations behind those datasets")
        long providers,

        @Schema(
                description = "True when at least " + CoverageEntry.PROGRAMME_TARGET_PROVIDERS
                        + " providers stand behind the pair, as the programme asks")
        boolean meetsProgrammeTarget) {

    /** The programme asks for data from at least two provider companies per AI technology. */
    public static final int PROGRAMME_TARGET_PROVIDERS = 2;
}
