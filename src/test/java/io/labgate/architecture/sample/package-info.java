/**
 * A miniature of LabGate's layout (platform, features alpha and beta with an api) whose classes break the
 * feature rules on purpose, one violation each, for {@link io.labgate.architecture.FeatureRulesTest}.
 */
package io.labgate.architecture.sample;
