package io.labgate.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "labgate.export")
public interface ExportConfig {

    /** The registered ARCHIVE bucket the artifacts are copied into when an export is asked. */
    @WithDefault("labgate-archive")
    String archiveBucket();

    /**
     * How often released exports whose window has ended are archived ("off" to leave it to an operator's call). Read
     * by {@link ExportArchiveJob}'s schedule expression; declared here so that the mapping knows the property.
     */
    @WithDefault("15m")
    String archiveEvery();
}
