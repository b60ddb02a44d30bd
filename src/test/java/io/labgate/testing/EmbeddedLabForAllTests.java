package io.labgate.testing;

import io.labgate.devlab.EmbeddedLabTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded lab for every {@code @QuarkusTest} of the module: one lab per test JVM. */
@QuarkusTestResource(EmbeddedLabTestResource.class)
public final class EmbeddedLabForAllTests {

    private EmbeddedLabForAllTests() {}
}
