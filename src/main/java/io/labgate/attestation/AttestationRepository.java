package io.labgate.attestation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AttestationRepository implements PanacheRepositoryBase<DestructionAttestation, UUID> {

    public Optional<DestructionAttestation> findByIdForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The organization's open attestations whose due time has come, the longest overdue first. */
    public List<DestructionAttestation> overdueOf(UUID organizationId, Instant now, int limit) {
        return find(
                        "organizationId = ?1 and status in ?2 and dueAt <= ?3 order by dueAt, id",
                        organizationId,
                        List.of(AttestationStatus.DUE, AttestationStatus.REJECTED),
                        now)
                .page(0, limit)
                .list();
    }
}
