package io.labgate.organization;

import io.labgate.organization.api.OrganizationKind;
import io.labgate.organization.api.OrganizationStatus;
import io.labgate.organization.web.OrganizationRequest;
import io.labgate.organization.web.OrganizationResponse;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.DatabaseConstraints;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.http.ETags;
import io.labgate.platform.paging.Filter;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Caller;
import io.labgate.platform.time.LabTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Registers organizations, moves them through PENDING → ACTIVE ⇄ SUSPENDED, and keeps tenants apart: an AI
 * company or provider sees only its own organization, and someone else's answers 404 as if it did not exist.
 * Status changes lock the organization's row and provision the identity provider before they commit (see
 * {@link IdentityProvisioning} and {@code io.labgate.organization.provisioning}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class OrganizationService {

    static final String BRN_UNIQUE = "organization_business_registration_number_key";

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "createdAt", "createdAt");

    @Inject
    OrganizationRepository organizations;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    IdentityProvisioning identities;

    @Inject
    Event<OrganizationActivated> activated;

    @Inject
    Event<OrganizationSuspended> suspended;

    /** Operators and auditors list every organization; anyone else sees at most their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<OrganizationResponse> list(
            OrganizationKind kind, OrganizationStatus status, String name, PageQuery page) {
        Filter filter = new Filter().equal("kind", kind).equal("status", status).contains("name", name);
        if (!caller.seesAllTenants()) {
            Optional<UUID> own = caller.organizationId();
            if (own.isEmpty()) {
                return PageResponse.of(organizations.find("1 = 0"), page, OrganizationResponse::from);
            }
            filter.equal("id", own.get());
        }
        return PageResponse.of(
                organizations.find(filter.query(), page.toSort(SORTABLE, "name"), filter.parameters()),
                page,
                OrganizationResponse::from);
    }

    /** An organization the caller may see; any other id is 404, whether it exists or not. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrganizationResponse get(UUID id) {
        return OrganizationResponse.from(findVisible(id));
    }

    /** The caller's own organization, named by the {@code org_id} claim of the token. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrganizationResponse mine() {
        UUID own = caller.organizationId()
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "your token names no organization"));
        return organizations
                .findByIdOptional(own)
                .map(OrganizationResponse::from)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.NOT_FOUND, "your organization " + own + " is not registered in LabGate"));
    }

    /**
     * Any organization by id, without a tenant check: for other services, which decide themselves what the
     * caller may see.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OrganizationResponse> find(UUID id) {
        return organizations.findByIdOptional(id).map(OrganizationResponse::from);
    }

    /** Registers an organization under a new id; it starts PENDING. */
    public OrganizationResponse create(@Valid @NotNull OrganizationRequest request) {
        return createWithId(UUID.randomUUID(), request);
    }

    /**
     * Registers an organization under a given id, which must match the {@code org_id} its users' tokens carry.
     * Not exposed over HTTP: the API always generates ids. For demo data seeding and tests.
     */
    public OrganizationResponse createWithId(@NotNull UUID id, @Valid @NotNull OrganizationRequest request) {
        if (organizations.findByIdOptional(id).isPresent()) {
            throw ApiException.conflict("organization " + id + " already exists");
        }
        String digits = businessRegistrationNumber(request);
        organizations.findByBusinessRegistrationNumber(digits).ifPresent(o -> {
            throw duplicate(digits);
        });
        Organization organization = new Organization();
        organization.id = id;
        organization.kind = request.kind();
        organization.businessRegistrationNumber = digits;
        apply(organization, request);
        organization.status = OrganizationStatus.PENDING;
        organization.createdAt = now();
        organization.updatedAt = organization.createdAt;
        organization.statusChangedAt = organization.createdAt;
        try {
            organizations.persistAndFlush(organization);
        } catch (PersistenceException e) {
            if (DatabaseConstraints.violated(e, BRN_UNIQUE)) {
                throw duplicate(digits);
            }
            if (DatabaseConstraints.violated(e, "organization_pkey")) {
                throw ApiException.conflict("organization " + id + " already exists");
            }
            throw e;
        }
        return OrganizationResponse.from(organization);
    }

    /** Changes name and contact; kind and business registration number must be repeated unchanged (else 400). */
    public OrganizationResponse update(UUID id, long expectedVersion, @Valid @NotNull OrganizationRequest request) {
        Organization organization = load(id);
        ETags.requireVersion(organization.version, expectedVersion);
        if (request.kind() != organization.kind) {
            throw ApiException.invalid("kind", "cannot change after registration (it is " + organization.kind + ")");
        }
        if (!businessRegistrationNumber(request).equals(organization.businessRegistrationNumber)) {
            throw ApiException.invalid("businessRegistrationNumber", "cannot change after registration");
        }
        apply(organization, request);
        organization.updatedAt = now();
        organizations.flush();
        return OrganizationResponse.from(organization);
    }

    /**
     * PENDING or SUSPENDED → ACTIVE, then fires {@link OrganizationActivated}; anything else is 409. An AI company
     * or data provider is provisioned in the identity provider first (its group and machine client, see
     * {@link IdentityProvisioning}); when that fails the organization stays as it was. The response carries the
     * machine client's secret only when this activation issued it.
     */
    public OrganizationResponse activate(UUID id, OptionalLong expectedVersion, String reason) {
        Organization organization = lockForUpdate(id);
        expectedVersion.ifPresent(v -> ETags.requireVersion(organization.version, v));
        if (organization.status == OrganizationStatus.ACTIVE) {
            throw ApiException.conflict("organization " + id + " is already ACTIVE");
        }
        MachineCredentials issued = null;
        if (isProvisioned(organization.kind)) {
            IdentityProvisioning.Provisioned provisioned = identities.activate(organization);
            organization.keycloakGroup = provisioned.group();
            organization.keycloakClientId = provisioned.clientId();
            if (organization.provisionedAt == null) {
                organization.provisionedAt = now();
            }
            issued = provisioned.credentials().orElse(null);
            if (issued != null) {
                organization.credentialsIssuedAt = issued.issuedAt();
            }
            organization.keycloakDisabledUsers = new ArrayList<>();
        }
        changeStatus(organization, OrganizationStatus.ACTIVE, reason);
        activated.fire(new OrganizationActivated(id));
        OrganizationResponse response = OrganizationResponse.from(organization);
        return issued == null ? response : response.withCredentials(issued);
    }

    /**
     * ACTIVE → SUSPENDED, then fires {@link OrganizationSuspended}; anything else is 409. A provisioned
     * organization's machine client and users are disabled in the identity provider first; when that fails the
     * organization stays ACTIVE.
     */
    public OrganizationResponse suspend(UUID id, OptionalLong expectedVersion, String reason) {
        Organization organization = lockForUpdate(id);
        expectedVersion.ifPresent(v -> ETags.requireVersion(organization.version, v));
        if (organization.status != OrganizationStatus.ACTIVE) {
            throw ApiException.conflict("organization " + id + " is " + organization.status
                    + "; only an ACTIVE organization can be suspended");
        }
        if (isProvisioned(organization.kind)
                && (organization.keycloakClientId != null || organization.keycloakGroup != null)) {
            organization.keycloakDisabledUsers = new ArrayList<>(identities.suspend(organization));
        }
        changeStatus(organization, OrganizationStatus.SUSPENDED, reason);
        suspended.fire(new OrganizationSuspended(id));
        return OrganizationResponse.from(organization);
    }

    /**
     * Issues a new secret for the organization's machine client and answers it, once; the previous secret stops
     * working. 409 for an organization without a machine client (the operator's, or one never activated).
     * Allowed while SUSPENDED: the client stays disabled until the organization is activated again.
     */
    public MachineCredentials rotateCredentials(UUID id) {
        Organization organization = lockForUpdate(id);
        if (!isProvisioned(organization.kind)) {
            throw ApiException.conflict("organization " + id + " is the lab operator and has no machine client");
        }
        if (organization.keycloakClientId == null) {
            throw ApiException.conflict("organization " + id + " has no machine client yet; activate it first");
        }
        MachineCredentials issued = identities.rotate(organization);
        organization.credentialsIssuedAt = issued.issuedAt();
        organizations.flush();
        return issued;
    }

    /** AI companies and data providers get a Keycloak group and machine client; the operator does not. */
    static boolean isProvisioned(OrganizationKind kind) {
        return kind == OrganizationKind.AI_COMPANY || kind == OrganizationKind.DATA_PROVIDER;
    }

    private void changeStatus(Organization organization, OrganizationStatus status, String reason) {
        organization.status = status;
        organization.statusReason = reason == null || reason.isBlank() ? null : reason.strip();
        organization.statusChangedAt = now();
        organization.updatedAt = organization.statusChangedAt;
        organizations.flush();
    }

    private Organization load(UUID id) {
        return organizations.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("organization", id));
    }

    private Organization lockForUpdate(UUID id) {
        return organizations.findByIdForUpdate(id).orElseThrow(() -> ApiException.notFound("organization", id));
    }

    private Organization findVisible(UUID id) {
        if (!caller.maySee(id)) {
            throw ApiException.notFound("organization", id);
        }
        return load(id);
    }

    private static String businessRegistrationNumber(OrganizationRequest request) {
        try {
            return BusinessRegistrationNumber.normalize(request.businessRegistrationNumber());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("businessRegistrationNumber", e.getMessage());
        }
    }

    private static ApiException duplicate(String digits) {
        return ApiException.conflict(
                "business registration number " + BusinessRegistrationNumber.format(digits) + " is already registered");
    }

    private static void apply(Organization organization, OrganizationRequest request) {
        organization.name = request.name().strip();
        organization.contactEmail = request.contactEmail().strip();
        organization.contactName = request.contactName().strip();
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
