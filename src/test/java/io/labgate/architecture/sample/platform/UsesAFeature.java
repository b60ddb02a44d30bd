package io.labgate.architecture.sample.platform;

import io.labgate.architecture.sample.alpha.api.AlphaApi;

/** Violates rule 2: platform depends on no feature, not even on an api. */
public class UsesAFeature {
    AlphaApi api;
}
