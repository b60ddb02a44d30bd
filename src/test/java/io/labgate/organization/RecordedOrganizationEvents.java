package io.labgate.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the organization events that were committed, the way Keycloak provisioning will observe them. */
@ApplicationScoped
public class RecordedOrganizationEvents {

    private final List<Object> committed = new CopyOnWriteArrayList<>();

    void activated(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrganizationActivated event) {
        committed.add(event);
    }

    void suspended(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrganizationSuspended event) {
        committed.add(event);
    }

    /** The committed events about one organization, oldest first. */
    public List<Object> of(UUID id) {
        return committed.stream()
                .filter(e -> e instanceof OrganizationActivated a && a.id().equals(id)
                        || e instanceof OrganizationSuspended s && s.id().equals(id))
                .toList();
    }
}
