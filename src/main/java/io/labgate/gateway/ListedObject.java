package io.labgate.gateway;

import java.time.Instant;

/** One object as the S3 endpoint lists it: its key relative to the bucket (the version's prefix removed). */
public record ListedObject(String key, long size, String sha256, Instant lastModified) {

    /**
     * The ETag LabGate answers: the manifest's SHA-256 in hex, quoted. Deliberately not 32 hex digits, so tools
     * that treat a 32-digit ETag as an MD5 of the content (rclone, aws s3 sync) do not compare it with one.
     */
    public String etag() {
        return "\"" + sha256 + "\"";
    }
}
