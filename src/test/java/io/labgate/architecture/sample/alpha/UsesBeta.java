package io.labgate.architecture.sample.alpha;

import io.labgate.architecture.sample.beta.BetaService;

/** With {@link BetaService} (which uses alpha's internals) a cycle between alpha and beta: violates rule 1. */
public class UsesBeta {
    public String call() {
        return new BetaService().toString();
    }
}
