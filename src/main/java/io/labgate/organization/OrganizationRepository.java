package io.labgate.organization;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    /** By the ten digits of the business registration number. */
    public Optional<Organization> findByBusinessRegistrationNumber(String digits) {
        return find("businessRegistrationNumber", digits).firstResultOptional();
    }
}
