package io.labgate.access.grant;

import java.time.Instant;

/** One change of a grant's history. */
public record GrantChangeResponse(
        GrantAction action, String actor, String reason, Instant oldValidUntil, Instant newValidUntil, Instant at) {

    static GrantChangeResponse from(GrantChange c) {
        return new GrantChangeResponse(c.action, c.actor, c.reason, c.oldValidUntil, c.newValidUntil, c.at);
    }
}
