package io.labgate.access.api;

/** How many bytes a grant has used of its quota. */
public record ByteUsage(long used, long quota) {}
