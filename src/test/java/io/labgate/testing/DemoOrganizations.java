package io.labgate.testing;

import io.labgate.organization.OrganizationService;
import io.labgate.organization.api.OrganizationKind;
import io.labgate.organization.web.OrganizationRequest;
import io.labgate.organization.web.OrganizationResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The organizations of the demo users' tokens ({@code org_id} in the realm export). The database is shared by
 * every test of the JVM, so tests register them idempotently: the first test that needs one creates it.
 */
@ApplicationScoped
public class DemoOrganizations {

    /** The lab operator's organization (operator and auditor). */
    public static final UUID LAB = UUID.fromString("0a000000-0000-4000-8000-000000000001");
    /** AI company Alpha (alice, the alpha-loader client). */
    public static final UUID ALPHA = UUID.fromString("a1000000-0000-4000-8000-000000000001");
    /** AI company Beta (bob). */
    public static final UUID BETA = UUID.fromString("a2000000-0000-4000-8000-000000000002");
    /** Data provider Jeju Smart Farm (carol). */
    public static final UUID JEJU = UUID.fromString("b1000000-0000-4000-8000-000000000001");
    /** Data provider Ocean Bio (dave). */
    public static final UUID OCEAN = UUID.fromString("b2000000-0000-4000-8000-000000000002");

    @Inject
    OrganizationService organizations;

    /** A demo organization as it is, registered first if it is missing (then it is PENDING). */
    @Transactional
    public OrganizationResponse ensure(UUID id) {
        return organizations.find(id).orElseGet(() -> organizations.createWithId(id, request(id)));
    }

    /**
     * The same names as {@code io.labgate.demo.DemoData} gives them, so that a test JVM where a test registered
     * them first still shows the demo lab as the demo data describes it (DemoDataTest reads alice's name).
     */
    private static OrganizationRequest request(UUID id) {
        OrganizationKind kind;
        String name;
        String mailbox;
        if (id.equals(ALPHA)) {
            kind = OrganizationKind.AI_COMPANY;
            name = "Alpha Vision AI";
            mailbox = "alpha";
        } else if (id.equals(BETA)) {
            kind = OrganizationKind.AI_COMPANY;
            name = "Beta Robotics AI";
            mailbox = "beta";
        } else if (id.equals(JEJU)) {
            kind = OrganizationKind.DATA_PROVIDER;
            name = "제주 스마트팜 영농조합";
            mailbox = "jeju";
        } else if (id.equals(OCEAN)) {
            kind = OrganizationKind.DATA_PROVIDER;
            name = "Ocean Bio Aquaculture";
            mailbox = "ocean";
        } else if (id.equals(LAB)) {
            kind = OrganizationKind.OPERATOR;
            name = "LabGate 실증랩 운영팀";
            mailbox = "ops";
        } else {
            throw new IllegalArgumentException("not a demo organization: " + id);
        }
        return new OrganizationRequest(
                kind, name, BusinessRegistrationNumbers.random(), mailbox + "@labgate.example", "Demo contact");
    }
}
