package io.labgate.access.api;

import java.util.UUID;

/**
 * Something that may hold back an organization's new access requests, owned by the feature that knows why (for
 * example an overdue destruction attestation). The access workflow asks every implementation before it accepts a
 * submission, and knows none of them: they live in features that depend on access, not the other way round.
 */
public interface SubmissionHold {

    /**
     * Refuses when the organization may not submit an access request now.
     *
     * @throws io.labgate.platform.error.ApiException the implementing feature's refusal, with its own problem code
     *     and a detail naming what holds the organization back
     */
    void check(UUID organizationId);
}
