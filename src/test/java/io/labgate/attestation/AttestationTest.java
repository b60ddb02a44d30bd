package io.labgate.attestation;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.labgate.access.grant.GrantExpiryJob;
import io.labgate.notify.EmailDeliveryJob;
import io.labgate.notify.WebhookReceiver;
import io.labgate.report.ReportTables;
import io.labgate.testing.AccessRequestBodies;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.Tokens;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Destruction attestations (issue 14): an ended grant makes its company owe one; while it is overdue the company's
 * new access requests are refused; the company submits, an operator accepts or rejects; reminders are queued once
 * per step, also when two runs race.
 */
@QuarkusTest
class AttestationTest {

    static final String ATTESTATIONS = "/api/v1/attestations";

    @Inject
    DemoOrganizations demo;

    @Inject
    AttestationDueJob dueJob;

    @Inject
    AttestationReminderJob reminderJob;

    @Inject
    GrantExpiryJob expiryJob;

    @Inject
    EmailDeliveryJob mails;

    @Inject
    MockMailbox mailbox;

    @BeforeEach
    void setUp() throws SQLException {
        ApprovedGrants.organizations(demo);
        // whatever other tests' ended grants owe is due in days, never now; make sure of it
        dueJob.run();
        leaveNothingOverdue();
    }

    /** The database is shared by every test of the JVM: leave no company held back by an attestation of ours. */
    @AfterEach
    void leaveNothingOverdue() throws SQLException {
        update("UPDATE destruction_attestation SET due_at = now() + interval '30 days' "
                + "WHERE status IN ('DUE', 'REJECTED') AND due_at <= now()");
    }

    // --- creation -----------------------------------------------------------------------------------------

    @Test
    void shouldOweOneAttestationPerEndedGrantDueThePolicysDaysAfterTheEnd() throws Exception {
        Approved grant = grantWithAttestationDays(3);
        Instant revokedAt = revoke(grant.grantId());

        List<UUID> created =
                raceTwice(() -> dueJob.run()).stream().flatMap(List::stream).toList();
        UUID id = attestationIdOf(grant.grantId());
        assertThat(created)
                .as("two runs at once create it once")
                .filteredOn(id::equals)
                .hasSize(1);
        assertThat(dueJob.run()).doesNotContain(id);

        JsonPath a = attestationOf(grant.grantId(), Tokens.ALICE);
        assertThat(a.getString("status")).isEqualTo("DUE");
        assertThat(a.getBoolean("overdue")).isFalse();
        assertThat(a.getString("grantEndedHow")).isEqualTo("REVOKED");
        assertThat(a.getString("organizationId")).isEqualTo(DemoOrganizations.ALPHA.toString());
        assertThat(a.getString("datasetVersionId")).isEqualTo(grant.versionId());
        Instant endedAt = Instant.parse(a.getString("grantEndedAt"));
        assertThat(endedAt).isBetween(revokedAt.minusSeconds(5), revokedAt.plusSeconds(5));
        assertThat(Instant.parse(a.getString("dueAt"))).isEqualTo(endedAt.plus(Duration.ofDays(3)));
        assertThat(usageReasons(grant.grantId())).containsExactly("DUE");
    }

    @Test
    void shouldOweAnAttestationForAnExpiredGrantOnlyOnceItsEndIsRecorded() throws Exception {
        Approved grant = ApprovedGrants.grant(
                PublishedDatasets.policyTerms(),
                Map.of("d/rows.csv", "id\n1\n".getBytes(StandardCharsets.UTF_8)),
                List.of("STREAM"),
                Duration.ofSeconds(6));
        Instant validUntil = Instant.parse(as(Tokens.OPERATOR)
                .get("/api/v1/grants/" + grant.grantId())
                .then()
                .statusCode(200)
                .extract()
                .path("validUntil"));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), validUntil).toMillis()) + 200);

        // the clock ended it, but an operator may still extend it until the expiry job records the end
        dueJob.run();
        as(Tokens.OPERATOR)
                .get(ATTESTATIONS + "?grantId=" + grant.grantId())
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));

        assertThat(expiryJob.expireDue()).contains(UUID.fromString(grant.grantId()));
        dueJob.run();
        JsonPath a = attestationOf(grant.grantId(), Tokens.ALICE);
        assertThat(a.getString("grantEndedHow")).isEqualTo("EXPIRED");
        assertThat(Instant.parse(a.getString("grantEndedAt"))).isEqualTo(validUntil);
        assertThat(Instant.parse(a.getString("dueAt"))).isEqualTo(validUntil.plus(Duration.ofDays(14)));
    }

    // --- the hold on new requests -------------------------------------------------------------------------

    @Test
    void shouldRefuseTheCompanysNewRequestsWhileOverdueAndOnlyItsUntilItAttests() throws Exception {
        Approved grant = grantWithAttestationDays(14);
        revoke(grant.grantId());
        dueJob.run();
        String id = attestationOf(grant.grantId(), Tokens.OPERATOR).getString("id");

        // owed but not yet due: nothing holds the company back
        submitRequest(Tokens.ALICE, grant.versionId()).then().statusCode(201);

        overdue(id);
        assertThat(attestationOf(grant.grantId(), Tokens.ALICE).getBoolean("overdue"))
                .isTrue();
        submitRequest(Tokens.ALICE, grant.versionId())
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("ATTESTATION_OVERDUE"))
                .body("detail", containsString(id))
                .body("detail", containsString(grant.grantId()));
        // another company is not held back by Alpha's attestation
        submitRequest(Tokens.BOB, grant.versionId()).then().statusCode(201);
        as(Tokens.OPERATOR)
                .get(ATTESTATIONS + "?overdue=true&organizationId=" + DemoOrganizations.ALPHA)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));

        // attested: the hold ends while the operator reviews
        submit(Tokens.ALICE, id, submission()).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        submitRequest(Tokens.ALICE, grant.versionId()).then().statusCode(201);

        // rejected after its due time: owed again, and the hold is back until the company submits anew
        decide(id, false, "the copy on the training server is not listed")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejections", equalTo(1))
                .body("overdue", equalTo(true));
        submitRequest(Tokens.ALICE, grant.versionId())
                .then()
                .statusCode(409)
                .body("code", equalTo("ATTESTATION_OVERDUE"));
        Map<String, Object> again = submission();
        again.put("copies", List.of("gpu-01:/data/alpha", "s3://alpha-work/train/"));
        submit(Tokens.ALICE, id, again).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        decide(id, true, null).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        submitRequest(Tokens.ALICE, grant.versionId()).then().statusCode(201);

        // accepted is final
        submit(Tokens.ALICE, id, submission()).then().statusCode(409);
        decide(id, false, "second thoughts").then().statusCode(409);
        assertThat(usageReasons(grant.grantId()))
                .containsExactly("DUE", "SUBMITTED", "REJECTED", "SUBMITTED", "ACCEPTED");
    }

    // --- who may do what ----------------------------------------------------------------------------------

    @Test
    void shouldShowAnAttestationOnlyToItsCompanyAndStaffAndLetOnlyItsCompanySubmit() throws Exception {
        Approved grant = grantWithAttestationDays(14);
        revoke(grant.grantId());
        dueJob.run();
        String id = attestationOf(grant.grantId(), Tokens.OPERATOR).getString("id");

        as(Tokens.AUDITOR).get(ATTESTATIONS + "/" + id).then().statusCode(200);
        as(Tokens.BOB).get(ATTESTATIONS + "/" + id).then().statusCode(404);
        as(Tokens.BOB)
                .get(ATTESTATIONS + "?grantId=" + grant.grantId())
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        as(Tokens.BOB)
                .get(ATTESTATIONS)
                .then()
                .statusCode(200)
                .body("items.organizationId", not(hasItem(DemoOrganizations.ALPHA.toString())));
        submit(Tokens.BOB, id, submission()).then().statusCode(404);
        submit(Tokens.CAROL, id, submission()).then().statusCode(403);
        submit(Tokens.OPERATOR, id, submission()).then().statusCode(403);
        as(Tokens.ALICE)
                .header("If-Match", "\"0\"")
                .body(Map.of("accept", true))
                .post(ATTESTATIONS + "/" + id + "/decision")
                .then()
                .statusCode(403);

        // If-Match: required, and it must name the version read
        as(Tokens.ALICE)
                .body(submission())
                .post(ATTESTATIONS + "/" + id + "/submission")
                .then()
                .statusCode(428);
        as(Tokens.ALICE)
                .header("If-Match", "\"7\"")
                .body(submission())
                .post(ATTESTATIONS + "/" + id + "/submission")
                .then()
                .statusCode(412);
        decide(id, true, null).then().statusCode(409); // nothing submitted yet
        submit(Tokens.ALICE, id, submission()).then().statusCode(200);
        decide(id, false, " ").then().statusCode(400).body("violations.field", hasItem("reason"));
    }

    @Test
    void shouldRefuseAnIncompleteOrImpossibleSubmissionWithItsViolations() throws Exception {
        Approved grant = grantWithAttestationDays(14);
        revoke(grant.grantId());
        dueJob.run();
        String id = attestationOf(grant.grantId(), Tokens.ALICE).getString("id");

        Map<String, Object> empty = submission();
        empty.put("copies", List.of());
        empty.remove("method");
        empty.put("statement", " ");
        submit(Tokens.ALICE, id, empty)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("copies"))
                .body("violations.field", hasItem("method"))
                .body("violations.field", hasItem("statement"));

        Map<String, Object> blankCopy = submission();
        blankCopy.put("copies", List.of("gpu-01:/data", " "));
        submit(Tokens.ALICE, id, blankCopy).then().statusCode(400).body("violations.field", hasItem("copies[1]"));

        Map<String, Object> wrongMethod = submission();
        wrongMethod.put("method", "BURNED_IT");
        submit(Tokens.ALICE, id, wrongMethod).then().statusCode(400);

        Map<String, Object> future = submission();
        future.put("destroyedAt", Instant.now().plus(Duration.ofHours(1)).toString());
        submit(Tokens.ALICE, id, future)
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("destroyedAt"))
                .body("detail", containsString("future"));

        Map<String, Object> beforeStart = submission();
        beforeStart.put("destroyedAt", Instant.now().minus(Duration.ofDays(2)).toString());
        submit(Tokens.ALICE, id, beforeStart)
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("destroyedAt"))
                .body("detail", containsString("before the grant started"));

        assertThat(attestationOf(grant.grantId(), Tokens.ALICE).getString("status"))
                .isEqualTo("DUE");
    }

    // --- reminders ----------------------------------------------------------------------------------------

    @Test
    void shouldQueueEachReminderStepOnceAlsoWhenTwoRunsRace() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String subscription = as(Tokens.OPERATOR)
                    .body(Map.of(
                            "url",
                            receiver.url(),
                            "eventTypes",
                            List.of("ATTESTATION_DUE_SOON", "ATTESTATION_OVERDUE")))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("subscription.id");
            try {
                Approved grant = grantWithAttestationDays(14);
                revoke(grant.grantId());
                dueJob.run();
                String id = attestationOf(grant.grantId(), Tokens.OPERATOR).getString("id");

                raceTwice(() -> reminderJob.run());
                assertThat(steps(id)).as("due in 14 days: no step yet").isEmpty();

                update("UPDATE destruction_attestation SET due_at = now() + interval '1 day' WHERE id = '" + id + "'");
                raceTwice(() -> reminderJob.run());
                raceTwice(() -> reminderJob.run());
                assertThat(steps(id)).containsExactly("BEFORE");

                overdue(id);
                raceTwice(() -> reminderJob.run());
                reminderJob.run();
                assertThat(steps(id)).containsExactly("BEFORE", "OVERDUE");

                // one webhook row per subscription and step; one mail per address and step
                assertThat(count("SELECT count(*) FROM notification_outbox WHERE subscription_id = '" + subscription
                                + "' AND payload->>'attestationId' = '" + id + "'"))
                        .isEqualTo(2);
                assertThat(count("SELECT count(*) FROM email_outbox WHERE dedupe_key = 'ATTESTATION_DUE_SOON:" + id
                                + "'"))
                        .as("the company")
                        .isEqualTo(1);
                assertThat(count("SELECT count(*) FROM email_outbox WHERE dedupe_key = 'ATTESTATION_OVERDUE:" + id
                                + "'"))
                        .as("the company and the two operators' addresses")
                        .isEqualTo(3);
                assertThat(usageReasons(grant.grantId())).containsExactly("DUE", "REMINDED_BEFORE", "REMINDED_OVERDUE");

                // attested: no more reminders even when rejected later (each step once per attestation)
                submit(Tokens.ALICE, id, submission()).then().statusCode(200);
                reminderJob.run();
                assertThat(steps(id)).containsExactly("BEFORE", "OVERDUE");
            } finally {
                as(Tokens.OPERATOR).delete("/api/v1/webhooks/" + subscription);
            }
        }
    }

    // --- the report ---------------------------------------------------------------------------------------

    @Test
    void shouldCountAttestationsDueInThePeriodByWhereTheyStand() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Approved grant = grantWithAttestationDays(14);
            revoke(grant.grantId());
            dueJob.run();
            ids.add(attestationOf(grant.grantId(), Tokens.OPERATOR).getString("id"));
        }
        String onTime = ids.get(0);
        String late = ids.get(1);
        String overdue = ids.get(2);
        submit(Tokens.ALICE, onTime, submission()).then().statusCode(200);
        submit(Tokens.ALICE, late, submission()).then().statusCode(200);
        decide(late, false, "copies missing").then().statusCode(200);
        submit(Tokens.ALICE, late, submission()).then().statusCode(200);
        decide(late, true, null).then().statusCode(200);
        // due in February 2019 (a period no other test uses); the first was attested before its due time
        for (String id : ids) {
            update("UPDATE destruction_attestation SET grant_ended_at = '2019-02-01T00:00:00Z', "
                    + "due_at = '2019-02-15T00:00:00Z' WHERE id = '" + id + "'");
        }
        update("UPDATE destruction_attestation SET submitted_at = '2019-02-10T00:00:00Z' WHERE id = '" + onTime + "'");

        Map<String, Object> period = Map.of("from", "2019-02-01", "to", "2019-02-28", "groupBy", "ORGANIZATION");
        for (ReportTables.Table table : ReportTables.all("attestations", period)) {
            Map<String, Object> alpha = table.row("group", DemoOrganizations.ALPHA.toString());
            assertThat(table.number(alpha, "attestationsDue"))
                    .as(table.format())
                    .isEqualByComparingTo("3");
            assertThat(table.number(alpha, "attestedOnTime")).as(table.format()).isEqualByComparingTo("1");
            assertThat(table.number(alpha, "attestedLate")).as(table.format()).isEqualByComparingTo("1");
            assertThat(table.number(alpha, "attestationsOverdue"))
                    .as(table.format())
                    .isEqualByComparingTo("1");
            assertThat(table.number(alpha, "attestationsAccepted"))
                    .as(table.format())
                    .isEqualByComparingTo("1");
            assertThat(table.number(alpha, "attestationRejections"))
                    .as(table.format())
                    .isEqualByComparingTo("1");
        }
        assertThat(overdue).isNotNull();
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /** An ACTIVE grant of Alpha under a fresh policy that wants the attestation within these days. */
    static Approved grantWithAttestationDays(int days) {
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("exports", Map.of("attestationDays", days));
        return ApprovedGrants.grant(
                terms,
                Map.of("d/rows.csv", "id,value\n1,2\n".getBytes(StandardCharsets.UTF_8)),
                List.of("STREAM"),
                Duration.ofDays(20));
    }

    static Instant revoke(String grantId) {
        Instant before = Instant.now();
        as(Tokens.OPERATOR)
                .body(Map.of("reason", "project ended early"))
                .post("/api/v1/grants/" + grantId + "/revoke")
                .then()
                .statusCode(200);
        return before;
    }

    static JsonPath attestationOf(String grantId, String user) {
        JsonPath list = as(user).get(ATTESTATIONS + "?grantId=" + grantId)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .extract()
                .jsonPath();
        return as(user).get(ATTESTATIONS + "/" + list.getString("items[0].id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static UUID attestationIdOf(String grantId) {
        return UUID.fromString(attestationOf(grantId, Tokens.OPERATOR).getString("id"));
    }

    static Map<String, Object> submission() {
        Map<String, Object> body = new HashMap<>();
        body.put("destroyedBy", "Lee Minho, ML lead");
        body.put("destroyedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("method", "DELETED");
        body.put("methodDetail", "rm -rf and bucket prefix deleted, versions purged");
        body.put("copies", List.of("gpu-01:/data/alpha"));
        body.put("statement", "No other copy of the dataset exists in our organization.");
        return body;
    }

    /** Submits with the ETag just read. */
    static Response submit(String user, String id, Map<String, Object> body) {
        return as(user).header("If-Match", etag(id)).body(body).post(ATTESTATIONS + "/" + id + "/submission");
    }

    static Response decide(String id, boolean accept, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("accept", accept);
        if (reason != null) {
            body.put("reason", reason);
        }
        return as(Tokens.OPERATOR).header("If-Match", etag(id)).body(body).post(ATTESTATIONS + "/" + id + "/decision");
    }

    static String etag(String id) {
        return as(Tokens.OPERATOR)
                .get(ATTESTATIONS + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    static Response submitRequest(String user, String versionId) {
        return as(user).body(AccessRequestBodies.of(versionId)).post("/api/v1/access-requests");
    }

    /** Moves the due time an hour into the past (and the grant's end before it, as the table wants). */
    static void overdue(String id) throws SQLException {
        update("UPDATE destruction_attestation SET grant_ended_at = now() - interval '2 days', "
                + "due_at = now() - interval '1 hour' WHERE id = '" + id + "'");
    }

    static <T> List<T> raceTwice(Callable<T> run) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<T>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return run.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> r : runs) {
            results.add(r.get());
        }
        return results;
    }

    static List<String> steps(String id) throws SQLException {
        return strings(
                "SELECT step FROM attestation_reminder WHERE attestation_id = '" + id + "' ORDER BY sent_at, step");
    }

    /** The ATTESTATION_CHANGED reasons of the grant, in chain order (each step waits until its event is there). */
    static List<String> usageReasons(String grantId) throws SQLException {
        return strings("SELECT reason FROM usage_event WHERE action = 'ATTESTATION_CHANGED' AND grant_id = '" + grantId
                + "' ORDER BY seq");
    }

    static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = PublishedDatasets.database();
                PreparedStatement statement = db.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static long count(String sql) throws SQLException {
        return Long.parseLong(strings(sql).get(0));
    }

    static void update(String sql) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement statement = db.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
