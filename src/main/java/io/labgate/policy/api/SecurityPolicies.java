package io.labgate.policy.api;

import java.util.Optional;
import java.util.UUID;

/** The security policy versions as other features use them: in process, no tenant check (policies are public). */
public interface SecurityPolicies {

    /** A version by id, if there is one. */
    Optional<PolicyVersion> find(UUID id);

    /**
     * A version that must exist because a stored row refers to it.
     *
     * @throws io.labgate.platform.error.ApiException 404 when it does not
     */
    PolicyVersion require(UUID id);

    /**
     * Marks the version as used by a dataset (from then on it cannot be updated in place, only versioned); idempotent.
     *
     * @throws io.labgate.platform.error.ApiException 404 when no version has this id
     */
    PolicyVersion lockForUse(UUID id);
}
