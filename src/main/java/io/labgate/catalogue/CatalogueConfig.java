package io.labgate.catalogue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Dataset catalogue settings. */
@ConfigMapping(prefix = "labgate.catalog")
public interface CatalogueConfig {

    /**
     * The most objects one dataset version's manifest may list. Building a manifest of a prefix with more
     * objects is refused (422): split the dataset into versions under narrower prefixes.
     */
    @WithDefault("100000")
    int maxManifestObjects();
}
