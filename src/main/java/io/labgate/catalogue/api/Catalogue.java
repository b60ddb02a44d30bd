package io.labgate.catalogue.api;

import java.util.List;
import java.util.UUID;

/** The dataset catalogue as the access workflow and the data paths use it: in process, no tenant check. */
public interface Catalogue {

    /**
     * The version as it may be granted.
     *
     * @throws NotGrantable unless the version exists, is PUBLISHED, has a verified attestation and lies in a
     *     PROCESSED bucket (RAW buckets are never grantable)
     */
    GrantableVersion grantable(UUID versionId);

    /**
     * The providers of the version's dataset, whatever the version's state (a grant that ended may name a retired
     * version); empty for an unknown version.
     */
    List<UUID> providersOf(UUID versionId);
}
