package io.labgate.delivery.api;

import java.time.Instant;

/**
 * One object of a granted version, from its manifest.
 *
 * @param key the key relative to the version prefix, as clients name it
 * @param size the size in bytes
 * @param sha256 the SHA-256 measured when the manifest was built (hex)
 * @param contentType the store's Content-Type when the manifest was built, or null (unknown, or before V27)
 * @param lastModified the object's last modification in the store, or null (before V27)
 */
public record ManifestObject(String key, long size, String sha256, String contentType, Instant lastModified) {

    /** An object whose type and modification time are not known. */
    public ManifestObject(String key, long size, String sha256) {
        this(key, size, sha256, null, null);
    }

    /** The HTTP entity tag: the manifest SHA-256, quoted. A version is immutable, so the tag never changes. */
    public String etag() {
        return "\"" + sha256 + "\"";
    }
}
