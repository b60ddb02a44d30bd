package io.labgate.access;

import static io.labgate.access.AccessFlows.GRANTS;
import static io.labgate.access.AccessFlows.REQUESTS;
import static io.labgate.access.AccessFlows.body;
import static io.labgate.access.AccessFlows.consent;
import static io.labgate.access.AccessFlows.grant;
import static io.labgate.access.AccessFlows.grantAction;
import static io.labgate.access.AccessFlows.submitted;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.labgate.access.grant.GrantExpiryJob;
import io.labgate.access.grant.GrantService;
import io.labgate.access.grant.GrantStatus;
import io.labgate.access.web.GrantResponse;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.policy.api.AccessMode;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.PublishedDatasets.Published;
import io.labgate.testing.Tokens;
import io.labgate.testing.UsageLogRefusal;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Grants from approval to their end: operators' changes, the clock, the expiry job, consents and retirement. */
@QuarkusTest
class GrantLifecycleTest {

    @Inject
    DemoOrganizations demo;

    @Inject
    GrantService grants;

    @Inject
    GrantExpiryJob expiryJob;

    @Inject
    RecordedGrantEvents events;

    @BeforeEach
    void organizations() {
        for (UUID id : List.of(
                DemoOrganizations.ALPHA, DemoOrganizations.BETA, DemoOrganizations.JEJU, DemoOrganizations.OCEAN)) {
            demo.ensure(id);
        }
        PublishedDatasets.active(DemoOrganizations.ALPHA);
        PublishedDatasets.active(DemoOrganizations.BETA);
    }

    @Test
    void aliceGetsAGrantThroughConsentAndApprovalAndLosesItOnRevocation() {
        Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU));
        Map<String, Object> body = body(data.versionId());
        String id = submitted(Tokens.ALICE, body);
        consent(Tokens.CAROL, id, data.datasetId(), "GRANTED", "ok for research")
                .then()
                .statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"));
        List<String> granted = AccessFlows.approve(id);
        assertThat(granted).hasSize(1);
        String grantId = granted.get(0);

        as(Tokens.ALICE)
                .get(GRANTS + "?status=ACTIVE&size=100&sort=createdAt,desc")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(grantId));
        grant(Tokens.ALICE, grantId)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", equalTo("ACTIVE"))
                .body("organizationId", equalTo(DemoOrganizations.ALPHA.toString()))
                .body("datasetVersionId", equalTo(data.versionId()))
                .body("policyId", equalTo(data.policyId()))
                .body("accessModes", equalTo(List.of("STREAM")))
                .body("byteQuota", equalTo(1_000_000_000))
                .body("bytesUsed", equalTo(0))
                .body(
                        "validUntil",
                        equalTo(Instant.parse((String) body.get("periodUntil"))
                                .truncatedTo(ChronoUnit.MICROS)
                                .toString()));
        // the provider sees who uses its data, for what, until when
        as(Tokens.CAROL)
                .get(GRANTS + "?size=100&sort=createdAt,desc")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(grantId));
        grant(Tokens.CAROL, grantId)
                .then()
                .statusCode(200)
                .body("organizationName", equalTo("Alpha Vision AI"))
                .body("projectTitle", equalTo(body.get("projectTitle")))
                .body("purposeCategory", equalTo("RESEARCH"));

        GrantResponse usable =
                grants.requireUsable(UUID.fromString(grantId), AccessMode.STREAM, DemoOrganizations.ALPHA);
        assertThat(usable.status()).isEqualTo(GrantStatus.ACTIVE);
        assertRefused(grantId, AccessMode.S3_ENDPOINT, DemoOrganizations.ALPHA, ErrorCode.FORBIDDEN, "S3_ENDPOINT");
        assertRefused(grantId, AccessMode.STREAM, DemoOrganizations.BETA, ErrorCode.NOT_FOUND, "does not exist");

        grantAction(Tokens.OPERATOR, grantId, "revoke", Map.of("reason", "broke the terms"))
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("statusReason", equalTo("broke the terms"));
        grant(Tokens.ALICE, grantId).then().body("status", equalTo("REVOKED"));
        assertRefused(grantId, AccessMode.STREAM, DemoOrganizations.ALPHA, ErrorCode.FORBIDDEN, "REVOKED");
        grantAction(Tokens.OPERATOR, grantId, "revoke", Map.of("reason", "again"))
                .then()
                .statusCode(409)
                .body("detail", containsString("REVOKED"));
        assertThat(history(Tokens.ALICE, grantId).getList("action", String.class))
                .containsExactly("CREATED", "REVOKED");
    }

    @Test
    void workflowDecisionsAndGrantChangesAreInTheUsageLogBeforeTheAnswer() {
        String start = Instant.now().minusSeconds(1).toString();
        String grantId = approvedGrant(PublishedDatasets.policyTerms());
        grantAction(Tokens.OPERATOR, grantId, "suspend", Map.of("reason", "review"))
                .then()
                .statusCode(200);
        grantAction(Tokens.OPERATOR, grantId, "revoke", Map.of("reason", "done"))
                .then()
                .statusCode(200);
        // a refused change is not in the log
        grantAction(Tokens.OPERATOR, grantId, "revoke", Map.of("reason", "again"))
                .then()
                .statusCode(409);

        // no waiting: each answer above came only after its event was committed
        JsonPath grantEvents = as(Tokens.AUDITOR)
                .get("/api/v1/usage/events?action=GRANT_CHANGED&size=100&grantId=" + grantId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(grantEvents.getList("items.reason", String.class))
                .containsExactly("CREATED", "SUSPENDED", "REVOKED");
        assertThat(grantEvents.getList("items.organizationId", String.class))
                .containsOnly(DemoOrganizations.ALPHA.toString());

        JsonPath requestEvents = as(Tokens.AUDITOR)
                .get("/api/v1/usage/events?size=100&organizationId=" + DemoOrganizations.ALPHA + "&from=" + start)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> steps = new java.util.ArrayList<>();
        for (int i = 0; i < requestEvents.getList("items").size(); i++) {
            steps.add(requestEvents.getString("items[" + i + "].action") + " "
                    + requestEvents.getString("items[" + i + "].reason") + " by "
                    + requestEvents.getString("items[" + i + "].subject"));
        }
        assertThat(steps)
                .contains(
                        "REQUEST_SUBMITTED SUBMITTED by alice",
                        "CONSENT_DECIDED GRANTED by carol",
                        "REQUEST_DECIDED APPROVED by operator");
    }

    @Test
    void aChangeWhoseEventCannotBeWrittenIsNotCommitted() throws Exception {
        String grantId = approvedGrant(PublishedDatasets.policyTerms());
        try (UsageLogRefusal ignored = UsageLogRefusal.refuseWithChange("GRANT_CHANGED")) {
            var refused = grantAction(Tokens.OPERATOR, grantId, "revoke", Map.of("reason", "no log, no change"));
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        as(Tokens.OPERATOR)
                .get("/api/v1/grants/" + grantId)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
        List<String> logged = as(Tokens.AUDITOR)
                .get("/api/v1/usage/events?action=GRANT_CHANGED&size=100&grantId=" + grantId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.reason", String.class);
        assertThat(logged).containsExactly("CREATED");
    }

    @Test
    void suspendingTheOrganizationStopsItsGrantsAtOnce() {
        String grantId = approvedGrant(PublishedDatasets.policyTerms());
        UUID id = UUID.fromString(grantId);
        grants.requireUsable(id, AccessMode.STREAM, DemoOrganizations.ALPHA);
        as(Tokens.OPERATOR)
                .body(Map.of("reason", "unpaid fees"))
                .post("/api/v1/organizations/" + DemoOrganizations.ALPHA + "/suspend")
                .then()
                .statusCode(200);
        try {
            assertRefused(grantId, AccessMode.STREAM, DemoOrganizations.ALPHA, ErrorCode.FORBIDDEN, "SUSPENDED");
        } finally {
            as(Tokens.OPERATOR)
                    .body(Map.of("reason", "fees paid"))
                    .post("/api/v1/organizations/" + DemoOrganizations.ALPHA + "/activate")
                    .then()
                    .statusCode(200);
        }
        grants.requireUsable(id, AccessMode.STREAM, DemoOrganizations.ALPHA);
    }

    @Test
    void operatorSuspendsResumesAndExtendsWithinThePolicyEveryChangeRecorded() {
        String grantId = approvedGrant(PublishedDatasets.policyTerms());
        UUID id = UUID.fromString(grantId);
        Instant until = Instant.parse(grant(Tokens.OPERATOR, grantId).path("validUntil"));
        Instant from = Instant.parse(grant(Tokens.OPERATOR, grantId).path("validFrom"));

        grantAction(Tokens.OPERATOR, grantId, "suspend", Map.of("reason", "security review"))
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        assertRefused(grantId, AccessMode.STREAM, DemoOrganizations.ALPHA, ErrorCode.FORBIDDEN, "SUSPENDED");
        grantAction(Tokens.OPERATOR, grantId, "suspend", Map.of("reason", "again"))
                .then()
                .statusCode(409)
                .body("detail", containsString("SUSPENDED"));
        grantAction(Tokens.OPERATOR, grantId, "resume", Map.of("reason", "review passed"))
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        grants.requireUsable(id, AccessMode.STREAM, DemoOrganizations.ALPHA);
        grantAction(Tokens.OPERATOR, grantId, "resume", Map.of("reason", "again"))
                .then()
                .statusCode(409);
        grantAction(Tokens.OPERATOR, grantId, "suspend", Map.of()).then().statusCode(400);

        // 90 days from valid_from at most
        grantAction(
                        Tokens.OPERATOR,
                        grantId,
                        "extend",
                        Map.of("validUntil", from.plus(Duration.ofDays(91)).toString(), "reason", "longer project"))
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("validUntil"))
                .body("detail", containsString("90 days"));
        grantAction(
                        Tokens.OPERATOR,
                        grantId,
                        "extend",
                        Map.of("validUntil", until.minus(Duration.ofDays(1)).toString(), "reason", "shorter"))
                .then()
                .statusCode(422);
        Instant later = from.plus(Duration.ofDays(60));
        grantAction(
                        Tokens.OPERATOR,
                        grantId,
                        "extend",
                        Map.of("validUntil", later.toString(), "reason", "longer project"))
                .then()
                .statusCode(200)
                .body("validUntil", equalTo(later.toString()))
                .body("status", equalTo("ACTIVE"));

        JsonPath history = history(Tokens.OPERATOR, grantId);
        assertThat(history.getList("action", String.class))
                .containsExactly("CREATED", "SUSPENDED", "RESUMED", "EXTENDED");
        assertThat(history.getString("[3].oldValidUntil")).isEqualTo(until.toString());
        assertThat(history.getString("[3].newValidUntil")).isEqualTo(later.toString());
        assertThat(history.getString("[3].actor")).isEqualTo("operator");
        assertThat(history.getString("[3].reason")).isEqualTo("longer project");
    }

    @Test
    void grantStopsBeingUsableAtItsEndByTheClockAndTheJobExpiresItOnce() throws Exception {
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("consentRequired", false);
        Published data = PublishedDatasets.publish(terms, List.of(DemoOrganizations.JEJU), List.of());
        Map<String, Object> body = body(data.versionId());
        Instant end = Instant.now().plusSeconds(3);
        body.put("periodUntil", end.toString());
        String grantId = AccessFlows.approve(submitted(Tokens.ALICE, body)).get(0);
        UUID id = UUID.fromString(grantId);
        grants.requireUsable(id, AccessMode.STREAM, DemoOrganizations.ALPHA);

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertRefused(
                        grantId, AccessMode.STREAM, DemoOrganizations.ALPHA, ErrorCode.FORBIDDEN, "ended at"));
        assertThat(Instant.now()).isAfterOrEqualTo(end);
        assertThat(databaseStatus(id)).isEqualTo("ACTIVE"); // no job ran: the clock alone ended the access

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<List<UUID>>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return expiryJob.expireDue();
            }));
        }
        start.countDown();
        List<UUID> expired = new ArrayList<>();
        for (CompletableFuture<List<UUID>> run : runs) {
            expired.addAll(run.get());
        }
        expired.addAll(expiryJob.expireDue());
        assertThat(expired).filteredOn(id::equals).hasSize(1);
        assertThat(events.expired()).filteredOn(id::equals).hasSize(1);
        assertThat(databaseStatus(id)).isEqualTo("EXPIRED");
        assertThat(history(Tokens.ALICE, grantId).getList("action", String.class))
                .containsExactly("CREATED", "EXPIRED");
        grant(Tokens.ALICE, grantId).then().body("status", equalTo("EXPIRED"));
        grantAction(Tokens.OPERATOR, grantId, "resume", Map.of("reason", "late"))
                .then()
                .statusCode(409);
    }

    @Test
    void withdrawnConsentRevokesTheGrantsThatDependOnItAtOnce() {
        Published jeju = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU));
        Published ocean = PublishedDatasets.publish(List.of(DemoOrganizations.OCEAN));
        String id = submitted(Tokens.ALICE, body(jeju.versionId(), ocean.versionId()));
        consent(Tokens.CAROL, id, jeju.datasetId(), "GRANTED", null).then().statusCode(200);
        consent(Tokens.DAVE, id, ocean.datasetId(), "GRANTED", null)
                .then()
                .statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"));
        List<String> granted = AccessFlows.approve(id);
        assertThat(granted).hasSize(2);
        String jejuGrant = grantOn(granted, jeju.versionId());
        String oceanGrant = grantOn(granted, ocean.versionId());

        as(Tokens.CAROL)
                .body(Map.of("reason", "farm left the programme"))
                .post(REQUESTS + "/" + id + "/consents/" + jeju.datasetId() + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("consents.find { it.datasetId == '" + jeju.datasetId() + "' }.decision", equalTo("WITHDRAWN"));
        grant(Tokens.ALICE, jejuGrant)
                .then()
                .body("status", equalTo("REVOKED"))
                .body("statusReason", containsString("farm left the programme"));
        grant(Tokens.ALICE, oceanGrant).then().body("status", equalTo("ACTIVE"));
        assertRefused(jejuGrant, AccessMode.STREAM, DemoOrganizations.ALPHA, ErrorCode.FORBIDDEN, "REVOKED");
        assertThat(history(Tokens.CAROL, jejuGrant).getString("[1].actor")).isEqualTo("carol");
        as(Tokens.CAROL)
                .post(REQUESTS + "/" + id + "/consents/" + jeju.datasetId() + "/withdraw")
                .then()
                .statusCode(409)
                .body("detail", containsString("WITHDRAWN"));

        // before a decision, withdrawing a consent rejects the request
        String pending = submitted(Tokens.ALICE, body(jeju.versionId()));
        consent(Tokens.CAROL, pending, jeju.datasetId(), "GRANTED", null).then().statusCode(200);
        as(Tokens.CAROL)
                .post(REQUESTS + "/" + pending + "/consents/" + jeju.datasetId() + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
    }

    @Test
    void retiringAVersionRevokesEveryLiveGrantOnIt() {
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("consentRequired", false);
        Published data = PublishedDatasets.publish(terms, List.of(DemoOrganizations.JEJU), List.of());
        String alices = AccessFlows.approve(submitted(Tokens.ALICE, body(data.versionId())))
                .get(0);
        String bobs = AccessFlows.approve(submitted(Tokens.BOB, body(data.versionId())))
                .get(0);
        grantAction(Tokens.OPERATOR, bobs, "suspend", Map.of("reason", "pause"))
                .then()
                .statusCode(200);

        PublishedDatasets.retire(data.datasetId(), data.versionId(), "labels were wrong");

        for (String grantId : List.of(alices, bobs)) {
            grant(Tokens.OPERATOR, grantId)
                    .then()
                    .body("status", equalTo("REVOKED"))
                    .body("statusReason", containsString("labels were wrong"));
        }
        assertRefused(alices, AccessMode.STREAM, DemoOrganizations.ALPHA, ErrorCode.FORBIDDEN, "REVOKED");
    }

    @Test
    void grantsAreHiddenFromOtherTenantsAndOnlyOperatorsChangeThem() {
        String grantId = approvedGrant(PublishedDatasets.policyTerms());
        grant(Tokens.BOB, grantId).then().statusCode(404);
        as(Tokens.BOB).get(GRANTS + "/" + grantId + "/history").then().statusCode(404);
        as(Tokens.BOB).get(GRANTS + "?size=100").then().statusCode(200).body("items.id", not(hasItem(grantId)));
        grant(Tokens.DAVE, grantId).then().statusCode(404);
        as(Tokens.DAVE).get(GRANTS + "?size=100").then().statusCode(200).body("items.id", not(hasItem(grantId)));
        grant(Tokens.AUDITOR, grantId).then().statusCode(200);
        for (String action : List.of("suspend", "resume", "revoke")) {
            grantAction(Tokens.ALICE, grantId, action, Map.of("reason", "mine"))
                    .then()
                    .statusCode(403);
            grantAction(Tokens.AUDITOR, grantId, action, Map.of("reason", "audit"))
                    .then()
                    .statusCode(403);
            grantAction(Tokens.CAROL, grantId, action, Map.of("reason", "my data"))
                    .then()
                    .statusCode(403);
        }
        grantAction(Tokens.OPERATOR, UUID.randomUUID().toString(), "revoke", Map.of("reason", "x"))
                .then()
                .statusCode(404);
        grant(Tokens.ALICE, grantId).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** An ACTIVE grant of alice's, consented by carol and approved. */
    private static String approvedGrant(Map<String, Object> terms) {
        Published data = PublishedDatasets.publish(terms, List.of(DemoOrganizations.JEJU), List.of());
        String id = submitted(Tokens.ALICE, body(data.versionId()));
        consent(Tokens.CAROL, id, data.datasetId(), "GRANTED", null).then().statusCode(200);
        return AccessFlows.approve(id).get(0);
    }

    private static String grantOn(List<String> grantIds, String versionId) {
        return grantIds.stream()
                .filter(g -> versionId.equals(grant(Tokens.OPERATOR, g).path("datasetVersionId")))
                .findFirst()
                .orElseThrow();
    }

    private static JsonPath history(String user, String grantId) {
        return as(user).get(GRANTS + "/" + grantId + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private void assertRefused(String grantId, AccessMode mode, UUID organization, ErrorCode code, String detail) {
        assertThatThrownBy(() -> grants.requireUsable(UUID.fromString(grantId), mode, organization))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(detail);
    }

    private static String databaseStatus(UUID grantId) throws Exception {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement statement = db.prepareStatement("SELECT status FROM access_grant WHERE id = ?")) {
            statement.setObject(1, grantId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
