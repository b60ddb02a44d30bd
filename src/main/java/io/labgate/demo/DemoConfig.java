package io.labgate.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo data for the embedded default. */
@ConfigMapping(prefix = "labgate.demo")
public interface DemoConfig {

    /** Load the demo lab (organizations, servers, buckets, policies, dataset objects) at start. Never in production. */
    @WithDefault("false")
    boolean enabled();
}
