package io.labgate.attestation;

import io.labgate.access.api.SubmissionHold;
import io.labgate.attestation.api.AttestationOverdue;
import io.labgate.platform.time.LabTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Holds back the new access requests of an organization that owes an overdue destruction attestation: one that is
 * DUE or REJECTED and whose due time has passed. A SUBMITTED attestation lifts the hold while the operator reviews
 * it ("until attested"); a rejection puts it back if the due time has passed.
 */
@ApplicationScoped
class OverdueAttestationHold implements SubmissionHold {

    /** The detail names at most this many attestations. */
    static final int NAMED = 5;

    @Inject
    AttestationRepository attestations;

    @Inject
    Clock clock;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public void check(UUID organizationId) {
        Instant now = LabTime.now(clock);
        List<DestructionAttestation> overdue = attestations.overdueOf(organizationId, now, NAMED);
        if (overdue.isEmpty()) {
            return;
        }
        String named = overdue.stream()
                .map(a ->
                        "attestation " + a.id + " for grant " + a.grantId + " (" + a.status + ", due " + a.dueAt + ")")
                .collect(Collectors.joining("; "));
        throw new AttestationOverdue("your organization owes an overdue destruction attestation, so it cannot submit "
                + "new access requests until it attests (POST /api/v1/attestations/{id}/submission): " + named);
    }
}
