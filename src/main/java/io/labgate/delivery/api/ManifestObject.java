package io.labgate.delivery.api;

/**
 * One object of a granted version, from its manifest.
 *
 * @param key the key relative to the version prefix, as clients name it
 * @param size the size in bytes
 * @param sha256 the SHA-256 measured when the manifest was built (hex)
 */
public record ManifestObject(String key, long size, String sha256) {

    /** The HTTP entity tag: the manifest SHA-256, quoted. A version is immutable, so the tag never changes. */
    public String etag() {
        return "\"" + sha256 + "\"";
    }
}
