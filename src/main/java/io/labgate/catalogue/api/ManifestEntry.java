package io.labgate.catalogue.api;

/**
 * One object of a published version's manifest: its full key in the bucket, size, SHA-256 (hex), and, for manifests
 * built since V27, the store's Content-Type and the object's last modification (null otherwise).
 */
public record ManifestEntry(
        String key, long sizeBytes, String sha256, String contentType, java.time.Instant lastModified) {}
