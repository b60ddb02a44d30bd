package io.labgate.access.api;

import java.util.Optional;
import java.util.UUID;

/** What other features (notifications) read of an access request: in process, no tenant check. */
public interface AccessRequests {

    /**
     * The project title of a request, also of one submitted in the caller's transaction and not flushed yet (the
     * notification of a submission is queued in the submitting transaction).
     */
    Optional<String> projectTitle(UUID requestId);
}
