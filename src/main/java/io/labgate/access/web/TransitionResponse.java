package io.labgate.access.web;

import io.labgate.access.request.RequestStatus;
import io.labgate.access.request.RequestTransition;
import java.time.Instant;

/** One step of a request's history. */
public record TransitionResponse(RequestStatus from, RequestStatus to, String actor, String reason, Instant at) {

    public static TransitionResponse from(RequestTransition t) {
        return new TransitionResponse(t.fromStatus, t.toStatus, t.actor, t.reason, t.at);
    }
}
