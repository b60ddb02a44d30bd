package io.labgate.architecture.sample.alpha.api;

/** What feature alpha publishes. */
public interface AlphaApi {
    String name();
}
