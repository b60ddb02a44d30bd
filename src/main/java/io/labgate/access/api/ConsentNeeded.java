package io.labgate.access.api;

import java.util.List;
import java.util.UUID;

/**
 * A submitted request now waits for provider consent (AWAITING_CONSENT), fired inside the submission's
 * transaction; not fired when a standing exclusion rejects the request at once.
 *
 * @param providerOrgIds the providers whose consent is pending
 */
public record ConsentNeeded(UUID requestId, UUID organizationId, List<UUID> providerOrgIds, String actor) {}
