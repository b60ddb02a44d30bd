package io.labgate.gateway.key;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AccessKeyRepository implements PanacheRepositoryBase<AccessKey, UUID> {

    /** Every key of a grant, newest first. */
    public List<AccessKey> ofGrant(UUID grantId) {
        return list("grantId = ?1 order by createdAt desc, id", grantId);
    }

    public Optional<AccessKey> findOfGrant(UUID grantId, UUID keyId) {
        return find("id = ?1 and grantId = ?2", keyId, grantId).firstResultOptional();
    }
}
