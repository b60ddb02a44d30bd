package io.labgate.access.consent;

import io.labgate.access.web.ExclusionResponse;
import io.labgate.organization.api.OrganizationKind;
import io.labgate.organization.api.OrganizationSummary;
import io.labgate.organization.api.Organizations;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.security.Caller;
import io.labgate.platform.time.LabTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A provider's standing exclusion list: AI companies whose requests for its data are refused automatically, so
 * that providing data never helps a competitor. Applies to requests submitted after the entry is made.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ExclusionService {

    @Inject
    ConsentRepository consents;

    @Inject
    Organizations organizations;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExclusionResponse> list() {
        return consents.exclusionsOf(provider()).stream().map(this::response).toList();
    }

    /** What a PUT did: the entry, and whether it is new. */
    public record Put(ExclusionResponse exclusion, boolean created) {}

    /** Adds the entry for one AI company, or replaces its reason. */
    public Put put(UUID excludedOrgId, String reason) {
        UUID provider = provider();
        // an id that is not an AI company's answers as one that does not exist: the kind of another organization
        // is none of the provider's business
        boolean aiCompany = organizations
                .find(excludedOrgId)
                .filter(o -> o.kind() == OrganizationKind.AI_COMPANY)
                .isPresent();
        if (!aiCompany) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE,
                    "organization " + excludedOrgId + " is not a registered AI company; only AI companies can "
                            + "be excluded");
        }
        ProviderExclusion exclusion =
                consents.exclusion(provider, excludedOrgId).orElse(null);
        boolean created = exclusion == null;
        if (created) {
            exclusion = new ProviderExclusion();
            exclusion.key = new ProviderExclusion.Key(provider, excludedOrgId);
            exclusion.createdAt = LabTime.now(clock);
            exclusion.createdBy = caller.subject();
            exclusion.reason = reason.strip();
            consents.persistExclusion(exclusion);
        } else {
            exclusion.reason = reason.strip();
        }
        consents.flush();
        return new Put(response(exclusion), created);
    }

    public void delete(UUID excludedOrgId) {
        ProviderExclusion exclusion = consents.exclusion(provider(), excludedOrgId)
                .orElseThrow(() -> ApiException.notFound("exclusion of organization", excludedOrgId));
        consents.deleteExclusion(exclusion);
    }

    private ExclusionResponse response(ProviderExclusion e) {
        String name = organizations
                .find(e.key.excludedOrgId)
                .map(OrganizationSummary::name)
                .orElse(null);
        return new ExclusionResponse(e.key.excludedOrgId, name, e.reason, e.createdBy, e.createdAt);
    }

    private UUID provider() {
        return caller.organizationId()
                .orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN, "your token names no organization"));
    }
}
