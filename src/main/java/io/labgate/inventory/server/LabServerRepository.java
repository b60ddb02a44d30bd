package io.labgate.inventory.server;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LabServerRepository implements PanacheRepositoryBase<LabServer, UUID> {

    public Optional<LabServer> findByHostname(String hostname) {
        return find("lower(hostname) = lower(?1)", hostname).firstResultOptional();
    }

    public Optional<LabServer> findByAssetTag(String assetTag) {
        return find("assetTag", assetTag).firstResultOptional();
    }
}
