package io.labgate.platform.storage;

/** One object of a bucket, as listed by the store. */
public record ObjectSummary(String key, long size, String etag) {}
