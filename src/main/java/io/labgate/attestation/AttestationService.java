package io.labgate.attestation;

import static io.labgate.platform.text.Texts.blankToNull;

import io.labgate.attestation.web.AttestationDecisionRequest;
import io.labgate.attestation.web.AttestationResponse;
import io.labgate.attestation.web.SubmitAttestationRequest;
import io.labgate.organization.api.OrganizationSummary;
import io.labgate.organization.api.Organizations;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.Problem;
import io.labgate.platform.http.ETags;
import io.labgate.platform.paging.Filter;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Caller;
import io.labgate.platform.time.LabTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Destruction attestations: the AI company submits (DUE or REJECTED → SUBMITTED), an operator accepts or rejects
 * (SUBMITTED → ACCEPTED | REJECTED). Both lock the row and check the version the caller read (If-Match), so a
 * decision is always on the submission the operator saw. Every step is a usage event.
 *
 * <p>Who sees what: operators and auditors every attestation; an AI company its own organization's. Any other
 * attestation answers 404.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AttestationService {

    private static final Map<String, String> SORTABLE =
            Map.of("dueAt", "dueAt", "createdAt", "createdAt", "status", "status", "submittedAt", "submittedAt");

    @Inject
    AttestationRepository attestations;

    @Inject
    AttestationEvents events;

    @Inject
    Organizations organizations;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    // --- reading ------------------------------------------------------------------------------------------

    /**
     * @param overdue true: only those overdue now; false: only those not overdue; null: both
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<AttestationResponse> list(
            AttestationStatus status, Boolean overdue, UUID organizationId, UUID grantId, PageQuery page) {
        Instant now = now();
        Filter filter = new Filter();
        filter.where("status = :status", "status", status);
        filter.where("organizationId = :organization", "organization", organizationId);
        filter.where("grantId = :grant", "grant", grantId);
        if (overdue != null) {
            String open = "status in :open and dueAt <= :now";
            filter.clause(overdue ? "(" + open + ")" : "not (" + open + ")")
                    .bind("open", List.of(AttestationStatus.DUE, AttestationStatus.REJECTED))
                    .bind("now", now);
        }
        // providers are not allowed here at all; should that change, they see nothing until a rule is written
        filter.tenant(caller, "1 = 0");
        Map<UUID, String> names = new HashMap<>();
        return PageResponse.of(
                attestations.find(filter.query(), page.toSort(SORTABLE, "dueAt"), filter.parameters()),
                page,
                a -> response(a, names, now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AttestationResponse get(UUID id) {
        DestructionAttestation attestation = attestations
                .findByIdOptional(id)
                .filter(a -> caller.maySee(a.organizationId))
                .orElseThrow(() -> ApiException.notFound("attestation", id));
        return response(attestation, new HashMap<>(), now());
    }

    // --- changing -----------------------------------------------------------------------------------------

    /**
     * The company's certificate: DUE or REJECTED → SUBMITTED. Late submissions are accepted (and counted late in
     * the report); a SUBMITTED attestation lifts the hold on new requests.
     *
     * @throws ApiException 404 someone else's; 412 stale If-Match; 409 not DUE or REJECTED; 422 destroyedAt in the
     *     future or before the grant started
     */
    public AttestationResponse submit(UUID id, long expectedVersion, SubmitAttestationRequest body) {
        DestructionAttestation attestation = lockOwn(id);
        ETags.requireVersion(attestation.version, expectedVersion);
        if (!attestation.status.isOpen()) {
            throw ApiException.conflict("attestation " + id + " is " + attestation.status
                    + "; only a DUE or REJECTED attestation can be submitted");
        }
        Instant now = now();
        Instant destroyedAt = body.destroyedAt().truncatedTo(ChronoUnit.MICROS);
        List<Problem.Violation> violations = new ArrayList<>();
        if (destroyedAt.isAfter(now)) {
            violations.add(new Problem.Violation("destroyedAt", "must not be in the future (now " + now + ")"));
        }
        if (destroyedAt.isBefore(attestation.grantValidFrom)) {
            violations.add(new Problem.Violation(
                    "destroyedAt", "must not be before the grant started (" + attestation.grantValidFrom + ")"));
        }
        if (!violations.isEmpty()) {
            throw new ApiException(ErrorCode.UNPROCESSABLE, Problem.summary(violations), violations);
        }
        attestation.status = AttestationStatus.SUBMITTED;
        attestation.destroyedBy = body.destroyedBy().strip();
        attestation.destroyedAt = destroyedAt;
        attestation.method = body.method();
        attestation.methodDetail = blankToNull(body.methodDetail());
        attestation.copies =
                body.copies().stream().map(String::strip).distinct().toList();
        attestation.statement = body.statement().strip();
        attestation.submittedBy = caller.subject();
        attestation.submittedAt = now;
        if (attestation.firstSubmittedAt == null) {
            attestation.firstSubmittedAt = now;
        }
        // the decision of an earlier submission no longer stands
        attestation.decidedBy = null;
        attestation.decidedAt = null;
        attestation.decisionReason = null;
        attestation.updatedAt = now;
        attestations.flush();
        events.record(attestation, caller.subject(), "SUBMITTED");
        return response(attestation, new HashMap<>(), now);
    }

    /**
     * An operator's decision: SUBMITTED → ACCEPTED (final) or REJECTED (owed again, with a reason; if its due time
     * has passed the company's new requests are held back again).
     *
     * @throws ApiException 404 unknown; 412 stale If-Match; 409 not SUBMITTED; 400 a rejection without a reason
     */
    public AttestationResponse decide(UUID id, long expectedVersion, AttestationDecisionRequest body) {
        boolean accept = body.accept();
        String reason = blankToNull(body.reason());
        if (!accept && reason == null) {
            throw ApiException.invalid("reason", "a rejection needs a reason");
        }
        DestructionAttestation attestation =
                attestations.findByIdForUpdate(id).orElseThrow(() -> ApiException.notFound("attestation", id));
        ETags.requireVersion(attestation.version, expectedVersion);
        if (attestation.status != AttestationStatus.SUBMITTED) {
            throw ApiException.conflict("attestation " + id + " is " + attestation.status
                    + "; only a SUBMITTED attestation can be accepted or rejected");
        }
        Instant now = now();
        attestation.status = accept ? AttestationStatus.ACCEPTED : AttestationStatus.REJECTED;
        attestation.decidedBy = caller.subject();
        attestation.decidedAt = now;
        attestation.decisionReason = reason;
        if (!accept) {
            attestation.rejections++;
        }
        attestation.updatedAt = now;
        attestations.flush();
        events.record(attestation, caller.subject(), attestation.status.name());
        return response(attestation, new HashMap<>(), now);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /** The caller's own organization's attestation, locked; anyone else's is 404. */
    private DestructionAttestation lockOwn(UUID id) {
        UUID own = caller.organizationId().orElseThrow(() -> ApiException.notFound("attestation", id));
        return attestations
                .findByIdForUpdate(id)
                .filter(a -> a.organizationId.equals(own))
                .orElseThrow(() -> ApiException.notFound("attestation", id));
    }

    private AttestationResponse response(DestructionAttestation a, Map<UUID, String> names, Instant now) {
        String name = names.computeIfAbsent(
                a.organizationId,
                org -> organizations.find(org).map(OrganizationSummary::name).orElse(null));
        return AttestationResponse.from(a, name, now);
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
