package io.labgate.architecture.sample;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Marks the sample's "entities" for the feature rules (a stand-in for {@code @Entity}, see FeatureRules). */
@Retention(RetentionPolicy.RUNTIME)
public @interface SamplePersistent {}
