package io.labgate.catalogue.api;

/** One object of a published version's manifest: its full key in the bucket, size and SHA-256 (hex). */
public record ManifestEntry(String key, long sizeBytes, String sha256) {}
