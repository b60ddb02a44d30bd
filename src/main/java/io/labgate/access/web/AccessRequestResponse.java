package io.labgate.access.web;

import io.labgate.access.consent.Consent;
import io.labgate.access.consent.ConsentDecision;
import io.labgate.access.request.AccessRequest;
import io.labgate.access.request.AccessRequestItem;
import io.labgate.access.request.PurposeCategory;
import io.labgate.access.request.RequestStatus;
import io.labgate.access.request.RequestedServer;
import io.labgate.policy.api.AccessMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** A request as the API shows it, with its dataset versions and the providers' consents. */
public record AccessRequestResponse(
        UUID id,
        UUID organizationId,
        String submittedBy,
        String projectTitle,
        String purpose,
        PurposeCategory purposeCategory,
        Instant periodFrom,
        Instant periodUntil,
        List<AccessMode> accessModes,
        String termsVersion,
        RequestStatus status,
        List<Item> items,
        List<ConsentView> consents,
        List<Server> servers,
        String decidedBy,
        Instant decidedAt,
        String decisionReason,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public record Item(UUID datasetVersionId, UUID datasetId, UUID policyId) {}

    /** A server slot asked for, with the booking that the approval made (null before). */
    public record Server(UUID serverId, Instant startsAt, Instant endsAt, UUID bookingId) {}

    public record ConsentView(
            UUID datasetId,
            UUID providerOrgId,
            ConsentDecision decision,
            String reason,
            boolean automatic,
            String decidedBy,
            Instant decidedAt) {

        public static ConsentView from(Consent c) {
            return new ConsentView(
                    c.datasetId, c.providerOrgId, c.decision, c.reason, c.automatic, c.decidedBy, c.decidedAt);
        }

        /**
         * The consent as the applying company reads it: the decision and a provider's own words to it, but not the
         * private reason of a standing exclusion nor the name of the person who decided.
         */
        public static ConsentView asTheCompanySeesIt(Consent c) {
            return new ConsentView(
                    c.datasetId,
                    c.providerOrgId,
                    c.decision,
                    c.automatic ? "refused by a data provider" : c.reason,
                    c.automatic,
                    null,
                    c.decidedAt);
        }
    }

    public static AccessRequestResponse from(
            AccessRequest r,
            List<AccessRequestItem> items,
            List<Consent> consents,
            List<RequestedServer> servers,
            Function<Consent, ConsentView> consentView) {
        return new AccessRequestResponse(
                r.id,
                r.organizationId,
                r.submittedBy,
                r.projectTitle,
                r.purpose,
                r.purposeCategory,
                r.periodFrom,
                r.periodUntil,
                r.accessModes.stream().map(AccessMode::valueOf).sorted().toList(),
                r.termsVersion,
                r.status,
                items.stream()
                        .map(i -> new Item(i.datasetVersionId, i.datasetId, i.policyId))
                        .toList(),
                consents.stream().map(consentView).toList(),
                servers.stream().map(RequestedServer::view).toList(),
                r.decidedBy,
                r.decidedAt,
                r.decisionReason,
                r.createdAt,
                r.updatedAt,
                r.version);
    }
}
