package io.labgate.catalogue.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the object manifest of a version (full keys in the bucket, binary key order as S3 lists). */
public interface ManifestReader {

    /**
     * Objects whose key starts with {@code keyPrefix} and sorts after {@code afterKey} (binary order), at most
     * {@code limit}. Neither string may hold NUL.
     */
    List<ManifestEntry> page(UUID versionId, String keyPrefix, String afterKey, int limit);

    /** The object with exactly this key. */
    Optional<ManifestEntry> find(UUID versionId, String key);
}
