package io.labgate.access.request;

import io.labgate.access.api.AccessRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/** {@link AccessRequests} from the persistence context, so that an unflushed request is found too. */
@ApplicationScoped
class AccessRequestTitles implements AccessRequests {

    @Inject
    EntityManager em;

    @Override
    public Optional<String> projectTitle(UUID requestId) {
        return Optional.ofNullable(em.find(AccessRequest.class, requestId)).map(r -> r.projectTitle);
    }
}
