package io.labgate.organization;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    /** By the ten digits of the business registration number. */
    public Optional<Organization> findByBusinessRegistrationNumber(String digits) {
        return find("businessRegistrationNumber", digits).firstResultOptional();
    }

    /**
     * By id, with the row locked until the transaction ends ({@code SELECT … FOR UPDATE}): status changes and
     * provisioning of one organization run one at a time, across replicas too.
     */
    public Optional<Organization> findByIdForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
