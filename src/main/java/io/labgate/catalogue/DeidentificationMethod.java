package io.labgate.catalogue;

/** How the personal information in a dataset version was de-identified (Personal Information Protection Act). */
public enum DeidentificationMethod {
    /** Identifiers replaced so that people cannot be identified without additional information (가명처리). */
    PSEUDONYMISATION,
    /** Identifiers removed for good (익명처리). */
    ANONYMISATION,
    /** Only aggregates remain. */
    AGGREGATION,
    /** Identifying parts masked. */
    MASKING
}
