package io.labgate.access;

import static io.labgate.access.AccessFlows.REQUESTS;
import static io.labgate.access.AccessFlows.body;
import static io.labgate.access.AccessFlows.consent;
import static io.labgate.access.AccessFlows.decide;
import static io.labgate.access.AccessFlows.status;
import static io.labgate.access.AccessFlows.submit;
import static io.labgate.access.AccessFlows.submitted;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.PublishedDatasets.Published;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The life of an access request: every transition, every refusal, idempotency and tenant isolation. */
@QuarkusTest
class AccessRequestWorkflowTest {

    @Inject
    DemoOrganizations demo;

    @BeforeEach
    void organizations() {
        for (UUID id : List.of(
                DemoOrganizations.ALPHA, DemoOrganizations.BETA, DemoOrganizations.JEJU, DemoOrganizations.OCEAN)) {
            demo.ensure(id);
        }
        PublishedDatasets.active(DemoOrganizations.ALPHA);
        PublishedDatasets.active(DemoOrganizations.BETA);
    }

    // --- transitions --------------------------------------------------------------------------------------

    @Test
    void requestNeedingConsentWaitsForEveryProviderThenIsApproved() {
        Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU, DemoOrganizations.OCEAN));
        String id = submit(Tokens.ALICE, body(data.versionId()))
                .then()
                .statusCode(201)
                .header("Location", containsString(REQUESTS + "/"))
                .body("status", equalTo("AWAITING_CONSENT"))
                .body("organizationId", equalTo(DemoOrganizations.ALPHA.toString()))
                .body("consents.size()", equalTo(2))
                .body("consents.decision", hasItems("PENDING"))
                .extract()
                .path("id");

        consent(Tokens.CAROL, id, data.datasetId(), "GRANTED", null)
                .then()
                .statusCode(200)
                .body("status", equalTo("AWAITING_CONSENT"));
        consent(Tokens.DAVE, id, data.datasetId(), "GRANTED", "fine for research")
                .then()
                .statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"));
        decide(Tokens.OPERATOR, id, true, "fits the programme")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("operator"))
                .body("decisionReason", equalTo("fits the programme"));

        JsonPath history = as(Tokens.ALICE)
                .get(REQUESTS + "/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getList("to", String.class))
                .containsExactly("SUBMITTED", "AWAITING_CONSENT", "UNDER_REVIEW", "APPROVED");
        assertThat(history.getList("from", String.class))
                .containsExactly(null, "SUBMITTED", "AWAITING_CONSENT", "UNDER_REVIEW");
        assertThat(history.getList("actor", String.class)).containsExactly("alice", "alice", "dave", "operator");
    }

    @Test
    void requestWithoutConsentRequiredGoesStraightToReview() {
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("consentRequired", false);
        Published data = PublishedDatasets.publish(terms, List.of(DemoOrganizations.JEJU), List.of());
        String id = submit(Tokens.ALICE, body(data.versionId()))
                .then()
                .statusCode(201)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("consents.size()", equalTo(0))
                .extract()
                .path("id");
        assertThat(as(Tokens.OPERATOR)
                        .get(REQUESTS + "/" + id + "/history")
                        .jsonPath()
                        .getList("to", String.class))
                .containsExactly("SUBMITTED", "UNDER_REVIEW");
    }

    @Test
    void providerRefusalRejectsTheRequestWithItsReason() {
        Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU, DemoOrganizations.OCEAN));
        String id = submitted(Tokens.ALICE, body(data.versionId()));
        consent(Tokens.CAROL, id, data.datasetId(), "REFUSED", null)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("reason"));
        consent(Tokens.CAROL, id, data.datasetId(), "MAYBE", "hm").then().statusCode(400);
        consent(Tokens.CAROL, id, data.datasetId(), "REFUSED", "our farms are identifiable")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decisionReason", containsString("refused consent"))
                .body(
                        "consents.find { it.providerOrgId == '" + DemoOrganizations.JEJU + "' }.reason",
                        equalTo("our farms are identifiable"));
        // the company reads the provider's words to it
        as(Tokens.ALICE)
                .get(REQUESTS + "/" + id)
                .then()
                .body(
                        "consents.find { it.providerOrgId == '" + DemoOrganizations.JEJU + "' }.reason",
                        equalTo("our farms are identifiable"));
        // the other provider can no longer answer
        consent(Tokens.DAVE, id, data.datasetId(), "GRANTED", null)
                .then()
                .statusCode(409)
                .body("detail", containsString("REJECTED"));
    }

    @Test
    void operatorRejectionNeedsAReasonAndEndsTheRequest() {
        String id = underReview();
        decide(Tokens.OPERATOR, id, false, null).then().statusCode(400).body("violations.field", hasItem("reason"));
        assertThat(status(id)).isEqualTo("UNDER_REVIEW");
        decide(Tokens.OPERATOR, id, false, "purpose too vague")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decisionReason", equalTo("purpose too vague"));
        assertThat(AccessFlows.grantsOf(id)).isEmpty();
    }

    @Test
    void aiCompanyWithdrawsBeforeTheDecisionButNotAfter() {
        String waiting = submitted(
                Tokens.ALICE,
                body(PublishedDatasets.publish(List.of(DemoOrganizations.JEJU)).versionId()));
        as(Tokens.ALICE)
                .body(Map.of("reason", "project cancelled"))
                .post(REQUESTS + "/" + waiting + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        decide(Tokens.OPERATOR, waiting, true, null).then().statusCode(409).body("detail", containsString("WITHDRAWN"));

        String reviewed = underReview();
        as(Tokens.ALICE)
                .post(REQUESTS + "/" + reviewed + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));

        String approved = underReview();
        AccessFlows.approve(approved);
        as(Tokens.ALICE)
                .post(REQUESTS + "/" + approved + "/withdraw")
                .then()
                .statusCode(409)
                .body("detail", containsString("APPROVED"));
    }

    @Test
    void illegalTransitionsAnswer409NamingTheCurrentState() {
        Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU));
        String id = submitted(Tokens.ALICE, body(data.versionId()));
        decide(Tokens.OPERATOR, id, true, null)
                .then()
                .statusCode(409)
                .body("detail", containsString("AWAITING_CONSENT"));
        consent(Tokens.CAROL, id, data.datasetId(), "GRANTED", null).then().statusCode(200);
        consent(Tokens.CAROL, id, data.datasetId(), "GRANTED", null)
                .then()
                .statusCode(409)
                .body("detail", containsString("UNDER_REVIEW"));
        AccessFlows.approve(id);
        decide(Tokens.OPERATOR, id, true, null).then().statusCode(409).body("detail", containsString("APPROVED"));
        decide(Tokens.OPERATOR, id, false, "changed my mind")
                .then()
                .statusCode(409)
                .body("detail", containsString("APPROVED"));
        assertThat(AccessFlows.grantsOf(id)).hasSize(1);
    }

    // --- refusals at submission ---------------------------------------------------------------------------

    @Test
    void submissionBreakingThePolicyIsRefusedWithEveryReasonAtOnce() {
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("maxGrantDays", 10);
        terms.put("allowedModes", List.of("STREAM"));
        Published data = PublishedDatasets.publish(terms, List.of(DemoOrganizations.JEJU), List.of());
        Map<String, Object> body = body(data.versionId(), UUID.randomUUID().toString());
        body.put("accessModes", List.of("STREAM", "S3_ENDPOINT"));
        body.put("termsVersion", "2025-9");
        submit(Tokens.ALICE, body)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "violations.field",
                        hasItems("periodUntil", "accessModes", "termsVersion", "datasetVersionIds[1]"))
                .body("detail", containsString("at most 10 days"))
                .body("detail", containsString("S3_ENDPOINT"))
                .body("detail", containsString("2026-1"));

        Map<String, Object> backwards = body(data.versionId());
        backwards.put("periodUntil", Instant.now().minus(Duration.ofDays(1)).toString());
        submit(Tokens.ALICE, backwards).then().statusCode(422).body("violations.field", hasItem("periodUntil"));
        // within the policy it passes
        Map<String, Object> fine = body(data.versionId());
        fine.put("periodUntil", Instant.now().plus(Duration.ofDays(9)).toString());
        submit(Tokens.ALICE, fine).then().statusCode(201);
    }

    @Test
    void versionThatIsNotGrantableIsRefused() {
        Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU));
        PublishedDatasets.retire(data.datasetId(), data.versionId(), "superseded");
        String retired = submit(Tokens.ALICE, body(data.versionId()))
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("datasetVersionIds[0]"))
                .extract()
                .path("violations[0].message");
        // a version the caller cannot see answers as one that does not exist: no status, no bucket (review L7)
        String unknownId = UUID.randomUUID().toString();
        String unknown = submit(Tokens.ALICE, body(unknownId))
                .then()
                .statusCode(422)
                .extract()
                .path("violations[0].message");
        assertThat(retired.replace(data.versionId(), "ID")).isEqualTo(unknown.replace(unknownId, "ID"));
        assertThat(retired).doesNotContain("RETIRED");
        submit(Tokens.ALICE, body(data.versionId(), data.versionId()))
                .then()
                .statusCode(422)
                .body("violations.message", hasItem(containsString("listed twice")));
    }

    @Test
    void concurrentGrantLimitOfThePolicyRefusesOneMore() {
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("consentRequired", false);
        terms.put("maxConcurrentGrants", 1);
        Published data = PublishedDatasets.publish(terms, List.of(DemoOrganizations.JEJU), List.of());
        String second = PublishedDatasets.publishedVersion(data.datasetId(), data.objects());
        // two at once under one policy already break it
        submit(Tokens.ALICE, body(data.versionId(), second))
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("datasetVersionIds[1]"));
        AccessFlows.approve(submitted(Tokens.ALICE, body(data.versionId())));
        submit(Tokens.ALICE, body(second))
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("datasetVersionIds[0]"))
                .body("violations[0].message", containsString("at most 1 concurrent grants"));
        // the limit is per organization
        submit(Tokens.BOB, body(second)).then().statusCode(201);
    }

    @Test
    void commercialPurposeConflictingWithUseConditionsIsRefusedNamingTheCondition() {
        Published researchOnly = PublishedDatasets.publish(
                PublishedDatasets.policyTerms(), List.of(DemoOrganizations.JEJU), List.of("RESEARCH_ONLY"));
        Map<String, Object> commercial = body(researchOnly.versionId());
        commercial.put("purposeCategory", "COMMERCIAL");
        submit(Tokens.ALICE, commercial)
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("purposeCategory"))
                .body("detail", containsString("RESEARCH_ONLY"))
                .body("detail", containsString("COMMERCIAL_USE_ALLOWED"));
        Map<String, Object> education = body(researchOnly.versionId());
        education.put("purposeCategory", "EDUCATION");
        submit(Tokens.ALICE, education).then().statusCode(422).body("detail", containsString("RESEARCH_ONLY"));

        Published commercialOk = PublishedDatasets.publish(
                PublishedDatasets.policyTerms(), List.of(DemoOrganizations.JEJU), List.of("COMMERCIAL_USE_ALLOWED"));
        Map<String, Object> allowed = body(commercialOk.versionId());
        allowed.put("purposeCategory", "COMMERCIAL");
        submit(Tokens.ALICE, allowed).then().statusCode(201);
    }

    @Test
    void providerExclusionRefusesTheExcludedCompanyAutomatically() {
        String exclusion = "/api/v1/providers/me/exclusions/" + DemoOrganizations.BETA;
        try {
            as(Tokens.CAROL)
                    .body(Map.of("reason", "direct competitor"))
                    .put(exclusion)
                    .then()
                    .statusCode(201)
                    .body("excludedOrgId", equalTo(DemoOrganizations.BETA.toString()));
            as(Tokens.CAROL)
                    .body(Map.of("reason", "direct competitor in crops"))
                    .put(exclusion)
                    .then()
                    .statusCode(200)
                    .body("reason", equalTo("direct competitor in crops"));
            as(Tokens.CAROL)
                    .get("/api/v1/providers/me/exclusions")
                    .then()
                    .statusCode(200)
                    .body("excludedOrgId", hasItem(DemoOrganizations.BETA.toString()));
            as(Tokens.DAVE)
                    .get("/api/v1/providers/me/exclusions")
                    .then()
                    .statusCode(200)
                    .body("excludedOrgId", not(hasItem(DemoOrganizations.BETA.toString())));
            // a provider's id answers as an unknown id: its kind and name stay hidden (review L7)
            String notACompany = as(Tokens.CAROL)
                    .body(Map.of("reason", "x"))
                    .put("/api/v1/providers/me/exclusions/" + DemoOrganizations.OCEAN)
                    .then()
                    .statusCode(422)
                    .extract()
                    .path("detail");
            UUID nobody = UUID.randomUUID();
            String unknown = as(Tokens.CAROL)
                    .body(Map.of("reason", "x"))
                    .put("/api/v1/providers/me/exclusions/" + nobody)
                    .then()
                    .statusCode(422)
                    .extract()
                    .path("detail");
            assertThat(notACompany.replace(DemoOrganizations.OCEAN.toString(), "ID"))
                    .isEqualTo(unknown.replace(nobody.toString(), "ID"));
            as(Tokens.BOB).get("/api/v1/providers/me/exclusions").then().statusCode(403);

            Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU, DemoOrganizations.OCEAN));
            String refused = submit(Tokens.BOB, body(data.versionId()))
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("REJECTED"))
                    .body("decidedBy", equalTo("system"))
                    .body("decisionReason", containsString("a data provider"))
                    // the provider's reason is its own: the excluded company does not read it
                    .body("decisionReason", not(containsString("direct competitor")))
                    .body(
                            "consents.find { it.providerOrgId == '" + DemoOrganizations.JEJU + "' }.decision",
                            equalTo("REFUSED"))
                    .body(
                            "consents.find { it.providerOrgId == '" + DemoOrganizations.JEJU + "' }.automatic",
                            equalTo(true))
                    .extract()
                    .path("id");
            assertThat(as(Tokens.BOB)
                            .get(REQUESTS + "/" + refused + "/history")
                            .jsonPath()
                            .getList("to", String.class))
                    .containsExactly("SUBMITTED", "AWAITING_CONSENT", "REJECTED");
            // another company is not excluded
            submit(Tokens.ALICE, body(data.versionId()))
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("AWAITING_CONSENT"));
        } finally {
            as(Tokens.CAROL).delete(exclusion);
        }
        as(Tokens.CAROL).delete(exclusion).then().statusCode(404);
        Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU));
        submit(Tokens.BOB, body(data.versionId())).then().statusCode(201).body("status", equalTo("AWAITING_CONSENT"));
    }

    @Test
    void anExclusionRefusesTheExcludedCompanyAlsoUnderAPolicyThatAsksNoConsent() {
        Map<String, Object> open = PublishedDatasets.policyTerms();
        open.put("consentRequired", false);
        Published data = PublishedDatasets.publish(open, List.of(DemoOrganizations.OCEAN), List.of());
        String exclusion = "/api/v1/providers/me/exclusions/" + DemoOrganizations.BETA;
        as(Tokens.DAVE)
                .body(Map.of("reason", "competitor"))
                .put(exclusion)
                .then()
                .statusCode(201);
        try {
            submit(Tokens.BOB, body(data.versionId()))
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("REJECTED"))
                    .body("decidedBy", equalTo("system"));
            // another company is not excluded and needs no consent
            submit(Tokens.ALICE, body(data.versionId())).then().statusCode(201).body("status", equalTo("UNDER_REVIEW"));
        } finally {
            as(Tokens.DAVE).delete(exclusion);
        }
    }

    @Test
    void anExclusionMadeAfterTheSubmissionStopsTheApproval() {
        Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU));
        String requestId = submitted(Tokens.BOB, body(data.versionId()));
        consent(Tokens.CAROL, requestId, data.datasetId(), "GRANTED", null)
                .then()
                .statusCode(200);
        assertThat(status(requestId)).isEqualTo("UNDER_REVIEW");
        String exclusion = "/api/v1/providers/me/exclusions/" + DemoOrganizations.BETA;
        as(Tokens.CAROL)
                .body(Map.of("reason", "changed our mind"))
                .put(exclusion)
                .then()
                .statusCode(201);
        try {
            decide(Tokens.OPERATOR, requestId, true, null)
                    .then()
                    .statusCode(409)
                    .body("detail", containsString("excludes"));
            assertThat(status(requestId)).isEqualTo("UNDER_REVIEW");
        } finally {
            as(Tokens.CAROL).delete(exclusion);
        }
    }

    @Test
    void eachProviderReadsOnlyItsOwnPartOfASharedRequest() {
        Published jeju = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU));
        Published ocean = PublishedDatasets.publish(List.of(DemoOrganizations.OCEAN));
        String requestId = submitted(Tokens.BOB, body(jeju.versionId(), ocean.versionId()));
        consent(Tokens.CAROL, requestId, jeju.datasetId(), "REFUSED", "our private business reason")
                .then()
                .statusCode(200);

        JsonPath asDave = as(Tokens.DAVE)
                .get(REQUESTS + "/" + requestId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(asDave.getList("consents.providerOrgId", String.class))
                .containsOnly(DemoOrganizations.OCEAN.toString());
        assertThat(asDave.getList("items.datasetId", String.class)).containsExactly(ocean.datasetId());
        assertThat(asDave.prettify()).doesNotContain("our private business reason");

        JsonPath asCarol = as(Tokens.CAROL)
                .get(REQUESTS + "/" + requestId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(asCarol.getList("consents.providerOrgId", String.class))
                .containsOnly(DemoOrganizations.JEJU.toString());

        // the company reads the decision and the words addressed to it, not who at the provider decided
        JsonPath asBob = as(Tokens.BOB)
                .get(REQUESTS + "/" + requestId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(asBob.getList("consents")).hasSize(2);
        assertThat(asBob.getString("consents.find { it.providerOrgId == '" + DemoOrganizations.JEJU + "' }.decision"))
                .isEqualTo("REFUSED");
        assertThat(asBob.getString("consents.find { it.providerOrgId == '" + DemoOrganizations.JEJU + "' }.decidedBy"))
                .isNull();
        // operators read everything
        assertThat(as(Tokens.OPERATOR)
                        .get(REQUESTS + "/" + requestId)
                        .jsonPath()
                        .getList("consents"))
                .hasSize(2);
    }

    @Test
    void theExcludedCompanyDoesNotReadTheProvidersPrivateReason() {
        String exclusion = "/api/v1/providers/me/exclusions/" + DemoOrganizations.BETA;
        as(Tokens.CAROL)
                .body(Map.of("reason", "they poached our staff"))
                .put(exclusion)
                .then()
                .statusCode(201);
        try {
            Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU));
            String requestId = submitted(Tokens.BOB, body(data.versionId()));
            String asBob = as(Tokens.BOB).get(REQUESTS + "/" + requestId).asString()
                    + as(Tokens.BOB)
                            .get(REQUESTS + "/" + requestId + "/history")
                            .asString();
            assertThat(asBob).doesNotContain("poached").contains("refused by a data provider");
            assertThat(as(Tokens.CAROL).get(REQUESTS + "/" + requestId).asString())
                    .as("the provider reads its own reason")
                    .contains("poached");
        } finally {
            as(Tokens.CAROL).delete(exclusion);
        }
    }

    // --- idempotency --------------------------------------------------------------------------------------

    @Test
    void retriedSubmissionWithTheSameKeyAnswersTheSameRequest() {
        Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU));
        Map<String, Object> body = body(data.versionId());
        String key = "submit-" + UUID.randomUUID();
        String first = as(Tokens.ALICE)
                .header("Idempotency-Key", key)
                .body(body)
                .post(REQUESTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String again = as(Tokens.ALICE)
                .header("Idempotency-Key", key)
                .body(body)
                .post(REQUESTS)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .path("id");
        assertThat(again).isEqualTo(first);
        Map<String, Object> other = body(data.versionId());
        other.put("projectTitle", "something else");
        as(Tokens.ALICE)
                .header("Idempotency-Key", key)
                .body(other)
                .post(REQUESTS)
                .then()
                .statusCode(422)
                .body("detail", containsString(key));
        List<String> mine = as(Tokens.OPERATOR)
                .get(REQUESTS + "?status=AWAITING_CONSENT&size=100&sort=createdAt,desc")
                .jsonPath()
                .getList("items.findAll { it.projectTitle == '" + body.get("projectTitle") + "' }.id", String.class);
        assertThat(mine).containsExactly(first);
    }

    // --- tenants and roles --------------------------------------------------------------------------------

    @Test
    void othersCannotSeeOrChangeSomeoneElsesRequest() {
        Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU));
        Published davesData = PublishedDatasets.publish(List.of(DemoOrganizations.OCEAN));
        String id = submitted(Tokens.ALICE, body(data.versionId()));

        as(Tokens.BOB).get(REQUESTS + "/" + id).then().statusCode(404);
        as(Tokens.BOB).get(REQUESTS + "/" + id + "/history").then().statusCode(404);
        as(Tokens.BOB).post(REQUESTS + "/" + id + "/withdraw").then().statusCode(404);
        as(Tokens.BOB).get(REQUESTS + "?size=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(Tokens.ALICE)
                .get(REQUESTS + "?size=100&sort=createdAt,desc")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));

        // the provider sees the request asking for its consent; another provider does not
        as(Tokens.CAROL).get(REQUESTS + "/" + id).then().statusCode(200);
        as(Tokens.CAROL)
                .get(REQUESTS + "?status=AWAITING_CONSENT&size=100&sort=createdAt,desc")
                .then()
                .body("items.id", hasItem(id));
        as(Tokens.DAVE).get(REQUESTS + "/" + id).then().statusCode(404);
        consent(Tokens.DAVE, id, data.datasetId(), "GRANTED", null).then().statusCode(404);
        consent(Tokens.CAROL, id, davesData.datasetId(), "GRANTED", null).then().statusCode(404);
        consent(Tokens.CAROL, id, UUID.randomUUID().toString(), "GRANTED", null)
                .then()
                .statusCode(404);
        as(Tokens.DAVE)
                .post(REQUESTS + "/" + id + "/consents/" + data.datasetId() + "/withdraw")
                .then()
                .statusCode(404);

        // roles
        decide(Tokens.ALICE, id, true, null).then().statusCode(403);
        decide(Tokens.AUDITOR, id, true, null).then().statusCode(403);
        consent(Tokens.ALICE, id, data.datasetId(), "GRANTED", null).then().statusCode(403);
        submit(Tokens.CAROL, body(data.versionId())).then().statusCode(403);
        submit(Tokens.OPERATOR, body(data.versionId())).then().statusCode(403);
        as(Tokens.AUDITOR).get(REQUESTS + "/" + id).then().statusCode(200);
        as(Tokens.AUDITOR).get(REQUESTS + "/" + id + "/history").then().statusCode(200);
        as(Tokens.OPERATOR).get(REQUESTS + "/" + UUID.randomUUID()).then().statusCode(404);
        assertThat(status(id)).isEqualTo("AWAITING_CONSENT");
    }

    /** A fresh request of alice's UNDER_REVIEW (no consent needed). */
    private static String underReview() {
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("consentRequired", false);
        Published data = PublishedDatasets.publish(terms, List.of(DemoOrganizations.JEJU), List.of());
        String id = submitted(Tokens.ALICE, body(data.versionId()));
        assertThat(status(id)).isEqualTo("UNDER_REVIEW");
        return id;
    }
}
