package io.labgate.catalogue;

/** DRAFT while it is being assembled; PUBLISHED (immutable, grantable); RETIRED (immutable, no new grants). */
public enum DatasetVersionStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
