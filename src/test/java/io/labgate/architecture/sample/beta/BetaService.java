package io.labgate.architecture.sample.beta;

import io.labgate.architecture.sample.alpha.AlphaEntity;
import io.labgate.architecture.sample.alpha.AlphaInternal;
import io.labgate.architecture.sample.alpha.api.AlphaApi;
import jakarta.persistence.EntityManager;

/**
 * Violates rules 2 (uses alpha's internals), 3a (alpha's entity) and 3b (an EntityManager in a feature without
 * tables); its use of {@link AlphaApi} is allowed.
 */
public class BetaService {
    EntityManager em;

    AlphaApi api;

    public String hello() {
        return AlphaInternal.hello() + em.find(AlphaEntity.class, 1L).id + api.name();
    }
}
