package io.labgate.organization;

import static io.labgate.testing.Api.anonymous;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.labgate.organization.api.OrganizationKind;
import io.labgate.organization.api.OrganizationStatus;
import io.labgate.organization.api.Organizations;
import io.labgate.organization.web.OrganizationRequest;
import io.labgate.organization.web.OrganizationResponse;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.testing.BusinessRegistrationNumbers;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganizationResourceTest {

    private static final String ORGS = "/api/v1/organizations";

    @Inject
    OrganizationService service;

    @Inject
    Organizations directory;

    @Inject
    DemoOrganizations demo;

    @Inject
    RecordedOrganizationEvents events;

    static Map<String, Object> organization(String kind, String name, String brn) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        body.put("businessRegistrationNumber", brn);
        body.put("contactEmail", "lab@" + name.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example");
        body.put("contactName", "Kim Min-jun");
        return body;
    }

    static Map<String, Object> aiCompany() {
        return organization("AI_COMPANY", unique("Company"), BusinessRegistrationNumbers.randomWithDashes());
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response create(Map<String, Object> body) {
        return as(Tokens.OPERATOR).body(body).post(ORGS);
    }

    private static String createdId(Map<String, Object> body) {
        return create(body).then().statusCode(201).extract().path("id");
    }

    private static Response activate(String id) {
        return as(Tokens.OPERATOR).post(ORGS + "/" + id + "/activate");
    }

    private static Response suspend(String id, String reason) {
        return as(Tokens.OPERATOR).body(Map.of("reason", reason)).post(ORGS + "/" + id + "/suspend");
    }

    // --- registration ---------------------------------------------------------------------------------

    @Test
    void operatorRegistersOrganization() {
        Map<String, Object> body = aiCompany();
        String brn = (String) body.get("businessRegistrationNumber");
        Response created = create(body);
        created.then()
                .statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", "\"0\"")
                .body("id", notNullValue())
                .body("kind", equalTo("AI_COMPANY"))
                .body("name", equalTo(body.get("name")))
                .body("status", equalTo("PENDING"))
                .body("businessRegistrationNumber", equalTo(brn.replace("-", "")))
                .body("keycloakGroup", nullValue())
                .body("contactEmail", equalTo(body.get("contactEmail")))
                .body("createdAt", notNullValue())
                .body("version", equalTo(0));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(ORGS + "/" + id);

        RestAssured.given()
                .auth()
                .oauth2(Tokens.of(Tokens.AUDITOR))
                .accept(ContentType.JSON)
                .get(created.header("Location"))
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("status", equalTo("PENDING"));
    }

    @Test
    void registrationNumberWithoutDashesIsStoredAsTenDigits() {
        String digits = BusinessRegistrationNumbers.random();
        create(organization("DATA_PROVIDER", unique("Provider"), digits))
                .then()
                .statusCode(201)
                .body("businessRegistrationNumber", equalTo(digits))
                .body("kind", equalTo("DATA_PROVIDER"));
    }

    @Test
    void registrationNumberWithWrongCheckDigitIsRejected() {
        String wrong = BusinessRegistrationNumbers.randomWithWrongCheckDigit();
        create(organization("AI_COMPANY", unique("Bad"), wrong))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:validation-failed"))
                .body("violations.field", equalTo(List.of("businessRegistrationNumber")));
        create(organization("AI_COMPANY", unique("Bad"), BusinessRegistrationNumbers.withDashes(wrong)))
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("businessRegistrationNumber")));
        // the valid example of the rule, with its last digit changed
        create(organization("AI_COMPANY", unique("Bad"), "220-81-62518"))
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("businessRegistrationNumber"));
    }

    @Test
    void malformedRegistrationNumbersAreRejected() {
        String valid = BusinessRegistrationNumbers.random();
        for (String malformed :
                List.of(valid.substring(0, 9), valid + "0", "22-081-62517", "220 81 62517", "ABC-DE-FGHIJ", "")) {
            create(organization("AI_COMPANY", unique("Bad"), malformed))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("businessRegistrationNumber"));
        }
    }

    @Test
    void eachInvalidFieldIsNamed() {
        Map<String, Object> body = aiCompany();
        body.remove("kind");
        body.put("name", " ");
        body.put("contactEmail", "not-an-email");
        body.remove("contactName");
        create(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("kind", "name", "contactEmail", "contactName"))
                .body("violations.field", not(hasItem("businessRegistrationNumber")))
                .body("requestId", notNullValue());

        Map<String, Object> wrongKind = aiCompany();
        wrongKind.put("kind", "UNIVERSITY");
        create(wrongKind).then().statusCode(400).body("violations.field", hasItem("kind"));

        Map<String, Object> unknown = aiCompany();
        unknown.put("id", UUID.randomUUID().toString());
        create(unknown).then().statusCode(400).body("violations.field", hasItem("id"));

        Map<String, Object> status = aiCompany();
        status.put("status", "ACTIVE");
        create(status).then().statusCode(400).body("violations.field", hasItem("status"));

        Map<String, Object> longName = aiCompany();
        longName.put("name", "x".repeat(201));
        create(longName).then().statusCode(400).body("violations.field", hasItem("name"));

        as(Tokens.OPERATOR).body("").post(ORGS).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void duplicateRegistrationNumberIsAConflict() {
        String digits = BusinessRegistrationNumbers.random();
        create(organization("AI_COMPANY", unique("First"), digits)).then().statusCode(201);
        // the same number written the other way is the same number
        create(organization("DATA_PROVIDER", unique("Second"), BusinessRegistrationNumbers.withDashes(digits)))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:conflict"))
                .body("detail", containsString(BusinessRegistrationNumbers.withDashes(digits)));
    }

    // --- updates --------------------------------------------------------------------------------------

    @Test
    void updatesNeedTheCurrentETag() {
        Map<String, Object> body = aiCompany();
        String id = createdId(body);
        Map<String, Object> change = new HashMap<>(body);
        change.put("name", unique("Renamed"));
        change.put("contactEmail", "new@renamed.example");
        change.put("contactName", "Lee Seo-yeon");

        as(Tokens.OPERATOR)
                .body(change)
                .put(ORGS + "/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(change)
                .put(ORGS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo(change.get("name")))
                .body("contactEmail", equalTo("new@renamed.example"))
                .body("contactName", equalTo("Lee Seo-yeon"))
                .body("status", equalTo("PENDING"));
        // a second writer who read version 0 loses
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(body)
                .put(ORGS + "/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        as(Tokens.OPERATOR)
                .header("If-Match", "not-a-version")
                .body(body)
                .put(ORGS + "/" + id)
                .then()
                .statusCode(412);
        as(Tokens.AUDITOR)
                .get(ORGS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo(change.get("name")));
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(body)
                .put(ORGS + "/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void kindAndRegistrationNumberCannotChange() {
        Map<String, Object> body = aiCompany();
        String id = createdId(body);

        Map<String, Object> otherKind = new HashMap<>(body);
        otherKind.put("kind", "DATA_PROVIDER");
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(otherKind)
                .put(ORGS + "/" + id)
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("kind")));

        Map<String, Object> otherNumber = new HashMap<>(body);
        otherNumber.put("businessRegistrationNumber", BusinessRegistrationNumbers.random());
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(otherNumber)
                .put(ORGS + "/" + id)
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("businessRegistrationNumber")));

        // the same number written without dashes is no change
        Map<String, Object> sameNumber = new HashMap<>(body);
        sameNumber.put(
                "businessRegistrationNumber", ((String) body.get("businessRegistrationNumber")).replace("-", ""));
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(sameNumber)
                .put(ORGS + "/" + id)
                .then()
                .statusCode(200);
    }

    // --- status ---------------------------------------------------------------------------------------

    @Test
    void operatorActivatesSuspendsAndReactivates() {
        String id = createdId(aiCompany());

        activate(id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("ACTIVE"))
                .body("statusChangedAt", notNullValue());
        assertThat(events.of(UUID.fromString(id))).containsExactly(new OrganizationActivated(UUID.fromString(id)));

        suspend(id, "unpaid lab fees")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"))
                .body("statusReason", equalTo("unpaid lab fees"));
        as(Tokens.OPERATOR)
                .body(Map.of("reason", "fees paid"))
                .post(ORGS + "/" + id + "/activate")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("statusReason", equalTo("fees paid"));

        UUID uuid = UUID.fromString(id);
        assertThat(events.of(uuid))
                .containsExactly(
                        new OrganizationActivated(uuid),
                        new OrganizationSuspended(uuid),
                        new OrganizationActivated(uuid));
        as(Tokens.AUDITOR)
                .get(ORGS + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .header("ETag", "\"3\"");
    }

    @Test
    void illegalTransitionsAreConflictsNamingTheCurrentState() {
        String id = createdId(aiCompany());
        UUID uuid = UUID.fromString(id);

        suspend(id, "too early")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("PENDING"));
        activate(id).then().statusCode(200);
        activate(id).then().statusCode(409).body("detail", containsString("ACTIVE"));
        suspend(id, "audit").then().statusCode(200);
        suspend(id, "again").then().statusCode(409).body("detail", containsString("SUSPENDED"));

        // refused transitions change nothing and announce nothing
        as(Tokens.OPERATOR)
                .get(ORGS + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"))
                .body("statusReason", equalTo("audit"))
                .header("ETag", "\"2\"");
        assertThat(events.of(uuid)).containsExactly(new OrganizationActivated(uuid), new OrganizationSuspended(uuid));
    }

    @Test
    void suspensionNeedsAReason() {
        String id = createdId(aiCompany());
        activate(id).then().statusCode(200);
        as(Tokens.OPERATOR)
                .body(Map.of("reason", " "))
                .post(ORGS + "/" + id + "/suspend")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("reason"));
        as(Tokens.OPERATOR)
                .body(Map.of())
                .post(ORGS + "/" + id + "/suspend")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("reason"));
        as(Tokens.OPERATOR)
                .post(ORGS + "/" + id + "/suspend")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(Tokens.OPERATOR).get(ORGS + "/" + id).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void transitionsCheckIfMatchWhenSent() {
        String id = createdId(aiCompany());
        as(Tokens.OPERATOR)
                .header("If-Match", "\"7\"")
                .post(ORGS + "/" + id + "/activate")
                .then()
                .statusCode(412);
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .post(ORGS + "/" + id + "/activate")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(Map.of("reason", "r"))
                .post(ORGS + "/" + id + "/suspend")
                .then()
                .statusCode(412);
        activate(UUID.randomUUID().toString()).then().statusCode(404);
    }

    // --- lists ----------------------------------------------------------------------------------------

    @Test
    void operatorListsFilteredSortedAndPaged() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String b = createdId(organization("AI_COMPANY", "Bravo " + tag, BusinessRegistrationNumbers.random()));
        String a = createdId(organization("AI_COMPANY", "Alpha " + tag, BusinessRegistrationNumbers.random()));
        String c = createdId(organization("DATA_PROVIDER", "Charlie " + tag, BusinessRegistrationNumbers.random()));
        activate(b).then().statusCode(200);

        List<String> byName = as(Tokens.OPERATOR)
                .get(ORGS + "?name=" + tag.toUpperCase(Locale.ROOT) + "&sort=name,desc")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .extract()
                .path("items.id");
        assertThat(byName).containsExactly(c, b, a);

        List<String> providers = as(Tokens.AUDITOR)
                .get(ORGS + "?name=" + tag + "&kind=DATA_PROVIDER")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(providers).containsExactly(c);
        List<String> active = as(Tokens.AUDITOR)
                .get(ORGS + "?name=" + tag + "&status=ACTIVE")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(active).containsExactly(b);
        List<String> newestFirst = as(Tokens.OPERATOR)
                .get(ORGS + "?name=" + tag + "&sort=createdAt,desc")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(newestFirst).containsExactly(c, a, b);

        as(Tokens.OPERATOR)
                .get(ORGS + "?name=" + tag + "&size=2&page=1")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("totalPages", equalTo(2));
        as(Tokens.OPERATOR)
                .get(ORGS + "?sort=businessRegistrationNumber")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("sort"));
        as(Tokens.OPERATOR)
                .get(ORGS + "?kind=UNIVERSITY")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(Tokens.OPERATOR).get(ORGS + "?size=101").then().statusCode(400).body("violations.field", hasItem("size"));
    }

    // --- tenancy --------------------------------------------------------------------------------------

    @Test
    void aiCompanySeesOnlyItsOwnOrganization() {
        demo.ensure(DemoOrganizations.ALPHA);
        demo.ensure(DemoOrganizations.BETA);
        String stranger = createdId(aiCompany());

        List<String> alicesList = as(Tokens.ALICE)
                .get(ORGS + "?size=100")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .extract()
                .path("items.id");
        assertThat(alicesList).containsExactly(DemoOrganizations.ALPHA.toString());
        // filters narrow her own list; they never widen it
        as(Tokens.ALICE)
                .get(ORGS + "?kind=DATA_PROVIDER")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0))
                .body("items.size()", equalTo(0));
        as(Tokens.ALICE).get(ORGS + "?name=Beta").then().statusCode(200).body("totalItems", equalTo(0));

        as(Tokens.ALICE)
                .get(ORGS + "/" + DemoOrganizations.ALPHA)
                .then()
                .statusCode(200)
                .body("id", equalTo(DemoOrganizations.ALPHA.toString()));
        // someone else's organization does not exist for her, exactly like an unknown id
        String betaDetail = as(Tokens.ALICE)
                .get(ORGS + "/" + DemoOrganizations.BETA)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .path("detail");
        as(Tokens.ALICE).get(ORGS + "/" + stranger).then().statusCode(404);
        UUID unknown = UUID.randomUUID();
        String unknownDetail = as(Tokens.ALICE)
                .get(ORGS + "/" + unknown)
                .then()
                .statusCode(404)
                .extract()
                .path("detail");
        assertThat(betaDetail.replace(DemoOrganizations.BETA.toString(), "ID"))
                .isEqualTo(unknownDetail.replace(unknown.toString(), "ID"));

        as(Tokens.BOB).get(ORGS + "/" + DemoOrganizations.ALPHA).then().statusCode(404);
        as(Tokens.BOB).get(ORGS + "/" + DemoOrganizations.BETA).then().statusCode(200);
        List<String> bobsList =
                as(Tokens.BOB).get(ORGS).then().statusCode(200).extract().path("items.id");
        assertThat(bobsList).containsExactly(DemoOrganizations.BETA.toString());
    }

    @Test
    void providerSeesOnlyItsOwnOrganization() {
        demo.ensure(DemoOrganizations.JEJU);
        demo.ensure(DemoOrganizations.ALPHA);
        List<String> carolsList =
                as(Tokens.CAROL).get(ORGS).then().statusCode(200).extract().path("items.id");
        assertThat(carolsList).containsExactly(DemoOrganizations.JEJU.toString());
        as(Tokens.CAROL)
                .get(ORGS + "/" + DemoOrganizations.JEJU)
                .then()
                .statusCode(200)
                .body("kind", equalTo("DATA_PROVIDER"));
        as(Tokens.CAROL).get(ORGS + "/" + DemoOrganizations.ALPHA).then().statusCode(404);
        as(Tokens.CAROL)
                .get(ORGS + "/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(DemoOrganizations.JEJU.toString()))
                .header("ETag", notNullValue());
    }

    @Test
    void meIsTheCallersOwnOrganization() {
        demo.ensure(DemoOrganizations.ALPHA);
        demo.ensure(DemoOrganizations.BETA);
        as(Tokens.ALICE)
                .get(ORGS + "/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(DemoOrganizations.ALPHA.toString()))
                .body("kind", equalTo("AI_COMPANY"))
                .header("ETag", notNullValue());
        as(Tokens.BOB).get(ORGS + "/me").then().statusCode(200).body("id", equalTo(DemoOrganizations.BETA.toString()));
        // a machine client of Alpha carries Alpha's org_id too
        RestAssured.given()
                .auth()
                .oauth2(Tokens.ofClient("alpha-loader", "alpha-loader-demo-secret"))
                .accept(ContentType.JSON)
                .get(ORGS + "/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(DemoOrganizations.ALPHA.toString()));
    }

    @Test
    void meIsNotFoundUntilTheOrganizationIsRegistered() {
        // erin's token names an organization that nothing else in the suite registers
        UUID erinsOrg = UUID.fromString("c0000000-0000-4000-8000-000000000009");
        as(Tokens.ERIN)
                .get(ORGS + "/me")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("not registered"));
        as(Tokens.ERIN).get(ORGS).then().statusCode(200).body("totalItems", equalTo(0));

        service.createWithId(
                erinsOrg,
                new OrganizationRequest(
                        OrganizationKind.AI_COMPANY,
                        "Erin Analytics",
                        BusinessRegistrationNumbers.random(),
                        "erin@labgate.example",
                        "Erin"));
        as(Tokens.ERIN).get(ORGS + "/me").then().statusCode(200).body("id", equalTo(erinsOrg.toString()));
    }

    // --- roles ----------------------------------------------------------------------------------------

    @Test
    void auditorReadsButCannotWrite() {
        Map<String, Object> body = aiCompany();
        String id = createdId(body);
        as(Tokens.AUDITOR)
                .get(ORGS + "?size=100&sort=createdAt,desc")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as(Tokens.AUDITOR).get(ORGS + "/" + id).then().statusCode(200);

        as(Tokens.AUDITOR).body(aiCompany()).post(ORGS).then().statusCode(403).contentType("application/problem+json");
        as(Tokens.AUDITOR)
                .header("If-Match", "\"0\"")
                .body(body)
                .put(ORGS + "/" + id)
                .then()
                .statusCode(403);
        as(Tokens.AUDITOR).post(ORGS + "/" + id + "/activate").then().statusCode(403);
        as(Tokens.AUDITOR)
                .body(Map.of("reason", "r"))
                .post(ORGS + "/" + id + "/suspend")
                .then()
                .statusCode(403);
        as(Tokens.OPERATOR)
                .get(ORGS + "/" + id)
                .then()
                .body("status", equalTo("PENDING"))
                .header("ETag", "\"0\"");
    }

    @Test
    void companiesCannotWrite() {
        demo.ensure(DemoOrganizations.ALPHA);
        Map<String, Object> body = aiCompany();
        as(Tokens.ALICE).body(body).post(ORGS).then().statusCode(403).contentType("application/problem+json");
        as(Tokens.CAROL).body(body).post(ORGS).then().statusCode(403);
        // not even on their own organization
        String alpha = DemoOrganizations.ALPHA.toString();
        as(Tokens.ALICE)
                .header("If-Match", "\"0\"")
                .body(body)
                .put(ORGS + "/" + alpha)
                .then()
                .statusCode(403);
        as(Tokens.ALICE).post(ORGS + "/" + alpha + "/activate").then().statusCode(403);
        as(Tokens.BOB)
                .body(Map.of("reason", "r"))
                .post(ORGS + "/" + alpha + "/suspend")
                .then()
                .statusCode(403);
    }

    @Test
    void anonymousCallersAreUnauthenticated() {
        for (String path : List.of(ORGS, ORGS + "/me", ORGS + "/" + UUID.randomUUID())) {
            anonymous()
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
        }
        anonymous().body(aiCompany()).post(ORGS).then().statusCode(401);
        anonymous().post(ORGS + "/" + UUID.randomUUID() + "/activate").then().statusCode(401);
    }

    @Test
    void unknownOrNonUuidIdsAreProblems() {
        as(Tokens.OPERATOR)
                .get(ORGS + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:not-found"));
        as(Tokens.OPERATOR).get(ORGS + "/not-a-uuid").then().statusCode(400);
    }

    // --- the service's API for later features -------------------------------------------------------------

    @Test
    void requireActiveRefusesWhatIsNotAnActiveOrganizationOfTheKind() {
        String id = createdId(aiCompany());
        UUID uuid = UUID.fromString(id);
        assertUnprocessable(() -> requireActive(uuid, OrganizationKind.AI_COMPANY), "PENDING");

        activate(id).then().statusCode(200);
        requireActive(uuid, OrganizationKind.AI_COMPANY);
        assertUnprocessable(() -> requireActive(uuid, OrganizationKind.DATA_PROVIDER), "AI_COMPANY");

        suspend(id, "audit").then().statusCode(200);
        assertUnprocessable(() -> requireActive(uuid, OrganizationKind.AI_COMPANY), "SUSPENDED");
        assertUnprocessable(() -> requireActive(UUID.randomUUID(), OrganizationKind.AI_COMPANY), "not registered");
    }

    /**
     * Each check in a transaction of its own, as a request of a later feature would make it; outside one, the
     * test method's request-scoped session would keep answering with what it read first.
     */
    private void requireActive(UUID id, OrganizationKind kind) {
        QuarkusTransaction.requiringNew().run(() -> directory.requireActive(id, kind));
    }

    @Test
    void findAndCreateWithIdServeOtherFeatures() {
        assertThat(service.find(UUID.randomUUID())).isEmpty();
        UUID id = UUID.randomUUID();
        String digits = BusinessRegistrationNumbers.random();
        OrganizationRequest request = new OrganizationRequest(
                OrganizationKind.OPERATOR,
                unique("Seeded"),
                BusinessRegistrationNumbers.withDashes(digits),
                "ops@lab.example",
                "Park Ji-ho");

        OrganizationResponse created = service.createWithId(id, request);
        assertThat(created.id()).isEqualTo(id);
        assertThat(created.status()).isEqualTo(OrganizationStatus.PENDING);
        assertThat(created.businessRegistrationNumber()).isEqualTo(digits);
        assertThat(service.find(id)).contains(created);

        assertThatThrownBy(() -> service.createWithId(id, request))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        OrganizationRequest sameNumber = new OrganizationRequest(
                OrganizationKind.OPERATOR, unique("Other"), digits, "ops@lab.example", "Park Ji-ho");
        assertThatThrownBy(() -> service.createWithId(UUID.randomUUID(), sameNumber))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        as(Tokens.OPERATOR).get(ORGS + "/" + id).then().statusCode(200).body("kind", equalTo("OPERATOR"));
    }

    private static void assertUnprocessable(Runnable call, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNPROCESSABLE);
            assertThat(e.getMessage()).contains(detail);
        });
    }
}
