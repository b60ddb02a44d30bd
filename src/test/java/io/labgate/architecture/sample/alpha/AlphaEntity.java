package io.labgate.architecture.sample.alpha;

import io.labgate.architecture.sample.SamplePersistent;

/** An entity of feature alpha (sample; marked, not a JPA entity, so that Quarkus does not map it). */
@SamplePersistent
public class AlphaEntity {
    public Long id;
}
