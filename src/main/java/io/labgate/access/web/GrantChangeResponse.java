package io.labgate.access.web;

import io.labgate.access.grant.GrantAction;
import io.labgate.access.grant.GrantChange;
import java.time.Instant;

/** One change of a grant's history. */
public record GrantChangeResponse(
        GrantAction action, String actor, String reason, Instant oldValidUntil, Instant newValidUntil, Instant at) {

    public static GrantChangeResponse from(GrantChange c) {
        return new GrantChangeResponse(c.action, c.actor, c.reason, c.oldValidUntil, c.newValidUntil, c.at);
    }
}
