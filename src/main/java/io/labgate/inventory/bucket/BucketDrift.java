package io.labgate.inventory.bucket;

/** How a bucket's registration compares with the real store, as of its last reconciliation. */
public enum BucketDrift {
    /** The bucket exists and holds no more than its quota. */
    NONE,
    /** The bucket no longer exists in the store. */
    MISSING,
    /** The bucket holds more bytes than its quota. */
    OVER_QUOTA,
    /** Not reconciled yet. */
    UNKNOWN;

    /** The drift of a bucket that the store reports as {@code present} with {@code usedBytes}. */
    static BucketDrift of(boolean present, long usedBytes, long quotaBytes) {
        if (!present) {
            return MISSING;
        }
        return usedBytes > quotaBytes ? OVER_QUOTA : NONE;
    }
}
