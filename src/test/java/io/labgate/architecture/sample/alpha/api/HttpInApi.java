package io.labgate.architecture.sample.alpha.api;

import jakarta.ws.rs.core.Response;

/** Violates rule 4: an api type that speaks HTTP. */
public interface HttpInApi {
    Response answer();
}
