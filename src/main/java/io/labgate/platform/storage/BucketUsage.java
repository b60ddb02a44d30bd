package io.labgate.platform.storage;

/** What a bucket holds right now, counted from the store itself. */
public record BucketUsage(boolean exists, long objectCount, long totalBytes) {

    public static BucketUsage missing() {
        return new BucketUsage(false, 0, 0);
    }
}
