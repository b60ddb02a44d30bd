package io.labgate.platform.http;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import jakarta.ws.rs.core.EntityTag;

/** Optimistic locking over HTTP: an entity's version is its ETag, and updates must name it in If-Match. */
public final class ETags {

    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an update expects, from its If-Match header.
     *
     * @throws ApiException 428 when the header is missing, 412 when it cannot be a version of ours
     */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(
                    ErrorCode.PRECONDITION_REQUIRED,
                    "updates need an If-Match header with the ETag of the version you read");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED, "If-Match does not name a current version");
        }
    }

    /** Throws 412 unless the stored version is the one the caller read. */
    public static void requireVersion(long stored, long expected) {
        if (stored != expected) {
            throw new ApiException(
                    ErrorCode.PRECONDITION_FAILED,
                    "the resource is at version " + stored + ", not " + expected + "; read it again and retry");
        }
    }
}
