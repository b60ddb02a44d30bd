package io.labgate.inventory.api;

import java.util.UUID;

/** What other features need to know of a registered storage bucket. */
public record BucketInfo(UUID id, String name, BucketPurpose purpose) {}
