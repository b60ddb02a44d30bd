package io.labgate.inventory.api;

/** What a bucket holds. RAW data is never granted to AI companies; PROCESSED data may be. */
public enum BucketPurpose {
    /** Data as received from the provider companies, before processing and de-identification. */
    RAW,
    /** Processed, de-identified training data that dataset versions point at. */
    PROCESSED,
    /** Scratch space for experiments. */
    SANDBOX,
    /** Data kept for the record, no longer in use. */
    ARCHIVE
}
