package io.labgate.organization;

import io.labgate.organization.api.OrganizationKind;
import io.labgate.organization.api.OrganizationNotUsable;
import io.labgate.organization.api.OrganizationStatus;
import io.labgate.organization.api.OrganizationSummary;
import io.labgate.organization.api.Organizations;
import io.labgate.platform.cache.ChangeFeed;
import io.labgate.platform.cache.WatchedCache;
import io.labgate.platform.db.ShortStatements;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** The in-process view of the organizations that other features use ({@link Organizations}). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class OrganizationDirectory implements Organizations {

    @Inject
    OrganizationRepository organizations;

    @Inject
    ShortStatements statements;

    @Inject
    ChangeFeed changes;

    /** Statuses as the data path reads them on every request, forgotten on every replica when one changes. */
    private WatchedCache<OrganizationStatus> statuses;

    @PostConstruct
    void init() {
        statuses = changes.watch("organization", 10_000);
    }

    @Override
    public Optional<OrganizationStatus> statusOf(UUID id) {
        return Optional.ofNullable(statuses.get(
                id.toString(),
                key -> statements.queryOne(
                        "SELECT status FROM organization WHERE id = ?1",
                        rs -> OrganizationStatus.valueOf(rs.getString(1)),
                        id)));
    }

    @Override
    public Optional<OrganizationSummary> find(UUID id) {
        return organizations.findByIdOptional(id).map(OrganizationDirectory::summary);
    }

    @Override
    public void requireActive(UUID id, OrganizationKind kind) {
        Organization organization = organizations
                .findByIdOptional(id)
                .orElseThrow(() -> new OrganizationNotUsable("organization " + id + " is not registered"));
        if (organization.kind != kind) {
            throw new OrganizationNotUsable("organization " + id + " is " + organization.kind + ", not " + kind);
        }
        if (organization.status != OrganizationStatus.ACTIVE) {
            throw new OrganizationNotUsable("organization " + id + " is " + organization.status + ", not ACTIVE");
        }
    }

    private static OrganizationSummary summary(Organization o) {
        return new OrganizationSummary(o.id, o.name, o.kind, o.status);
    }
}
