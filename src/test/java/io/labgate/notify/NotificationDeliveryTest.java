package io.labgate.notify;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.platform.crypto.KeyRing;
import io.labgate.testing.AccessRequestBodies;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.PublishedDatasets.Published;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The durable outbox end to end: workflow changes made through the API become outbox rows in their own
 * transaction, and the delivery job (called directly; its schedule is off in tests) POSTs them to a real HTTP
 * receiver on 127.0.0.1 with a signature this test checks with its own HMAC.
 */
@QuarkusTest
class NotificationDeliveryTest {

    static final String WEBHOOKS = "/api/v1/webhooks";

    @Inject
    DemoOrganizations demo;

    @Inject
    WebhookDeliveryJob job;

    @Inject
    GrantExpiringJob expiring;

    @Inject
    WebhookOutbox outbox;

    @Inject
    KeyRing encryption;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    WebhookReceiver receiver;
    final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        ApprovedGrants.organizations(demo);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        // deactivated subscriptions get no new rows and their rows are not sent: later tests stay independent
        subscriptions.forEach(
                id -> as(Tokens.OPERATOR).delete(WEBHOOKS + "/" + id).then().statusCode(200));
        receiver.close();
    }

    record Subscription(String id, String secret) {}

    Subscription subscribe(String... types) {
        JsonPath created = as(Tokens.OPERATOR)
                .body(Map.of("url", receiver.url(), "eventTypes", List.of(types)))
                .post(WEBHOOKS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        Subscription s = new Subscription(created.getString("subscription.id"), created.getString("secret"));
        subscriptions.add(s.id());
        return s;
    }

    static String submit(String versionId) {
        Map<String, Object> body =
                AccessRequestBodies.of(List.of(versionId), Instant.now().plus(Duration.ofDays(10)), List.of("STREAM"));
        return as(Tokens.ALICE)
                .body(body)
                .post("/api/v1/access-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static JsonPath deliveries(Subscription s) {
        return as(Tokens.OPERATOR)
                .get(WEBHOOKS + "/" + s.id() + "/deliveries?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static void makeDue(Subscription s) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement(
                        "UPDATE notification_outbox SET next_attempt_at = now() - interval '1 second' "
                                + "WHERE subscription_id = ? AND delivered_at IS NULL AND NOT dead")) {
            st.setObject(1, UUID.fromString(s.id()));
            st.executeUpdate();
        }
    }

    static int rows(Subscription s, String eventType) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement(
                        "SELECT count(*) FROM notification_outbox WHERE subscription_id = ? AND event_type = ?")) {
            st.setObject(1, UUID.fromString(s.id()));
            st.setString(2, eventType);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Outbox rows of a subscription about one grant (other tests' grants may expire in the window too). */
    static int rowsAbout(Subscription s, String eventType, String grantId) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement(
                        "SELECT count(*) FROM notification_outbox WHERE subscription_id = ? AND event_type = ?"
                                + " AND payload ->> 'grantId' = ?")) {
            st.setObject(1, UUID.fromString(s.id()));
            st.setString(2, eventType);
            st.setString(3, grantId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void submissionIsDeliveredOnceSignedWithTheSubscriptionSecret() {
        Subscription s = subscribe("REQUEST_SUBMITTED", "CONSENT_NEEDED");
        Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU));
        String requestId = submit(data.versionId());

        JsonPath queued = deliveries(s);
        assertThat(queued.getList("items.eventType", String.class))
                .containsExactlyInAnyOrder("REQUEST_SUBMITTED", "CONSENT_NEEDED");
        assertThat(queued.getList("items.state", String.class)).containsOnly("PENDING");
        assertThat(queued.getList("items.payload.requestId", String.class)).containsOnly(requestId);

        assertThat(job.deliverDue()).isGreaterThanOrEqualTo(2);
        assertThat(job.deliverDue()).isZero();

        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(got).hasSize(2);
        for (WebhookReceiver.Received r : got) {
            assertThat(r.signature()).isEqualTo(hmac(s.secret(), r.body()));
            assertThat(r.contentType()).isEqualTo("application/json");
            JsonPath body = JsonPath.from(r.text());
            assertThat(body.getString("event")).isEqualTo(r.event());
            assertThat(body.getString("requestId")).isEqualTo(requestId);
            assertThat(body.getString("organizationId")).isEqualTo(DemoOrganizations.ALPHA.toString());
        }
        WebhookReceiver.Received consent = got.stream()
                .filter(r -> r.event().equals("CONSENT_NEEDED"))
                .findFirst()
                .orElseThrow();
        assertThat(JsonPath.from(consent.text()).getList("providerOrgIds", String.class))
                .containsExactly(DemoOrganizations.JEJU.toString());
        assertThat(got.stream().map(WebhookReceiver.Received::delivery).collect(Collectors.toSet()))
                .isEqualTo(
                        deliveries(s).getList("items.id", String.class).stream().collect(Collectors.toSet()));
        JsonPath done = deliveries(s);
        assertThat(done.getList("items.state", String.class)).containsOnly("DELIVERED");
        assertThat(done.getList("items.attempts", Integer.class)).containsOnly(1);
        assertThat(done.getList("items.lastStatus", Integer.class)).containsOnly(200);
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffUntil2xx() throws Exception {
        Subscription s = subscribe("REQUEST_SUBMITTED");
        Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU));
        receiver.answer(500);
        submit(data.versionId());

        assertThat(job.deliverDue()).isZero();
        JsonPath after1 = deliveries(s);
        assertThat(after1.getString("items[0].state")).isEqualTo("PENDING");
        assertThat(after1.getInt("items[0].attempts")).isEqualTo(1);
        assertThat(after1.getInt("items[0].lastStatus")).isEqualTo(500);
        assertThat(after1.getString("items[0].lastError")).isEqualTo("HTTP 500");
        Instant last = Instant.parse(after1.getString("items[0].lastAttemptAt"));
        Instant next = Instant.parse(after1.getString("items[0].nextAttemptAt"));
        assertThat(Duration.between(last, next)).isEqualTo(config.backoff());

        // not due yet: the backoff holds it back
        assertThat(job.deliverDue()).isZero();
        assertThat(receiver.received()).hasSize(1);

        makeDue(s); // as if the backoff had passed
        assertThat(job.deliverDue()).isEqualTo(1);
        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(got).hasSize(2);
        assertThat(got.get(1).delivery()).isEqualTo(got.get(0).delivery());
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        assertThat(got.get(1).signature()).isEqualTo(hmac(s.secret(), got.get(1).body()));
        JsonPath after2 = deliveries(s);
        assertThat(after2.getString("items[0].state")).isEqualTo("DELIVERED");
        assertThat(after2.getInt("items[0].attempts")).isEqualTo(2);
        assertThat(after2.getInt("items[0].lastStatus")).isEqualTo(200);
    }

    @Test
    void backoffDoublesUpToTheCap() {
        assertThat(job.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(job.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(job.backoff(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(job.backoff(30)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aRowGivesUpAfterMaxAttempts() throws Exception {
        Subscription s = subscribe("REQUEST_SUBMITTED");
        Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU));
        Integer[] failures = new Integer[config.maxAttempts()];
        java.util.Arrays.fill(failures, 503);
        receiver.answer(failures);
        submit(data.versionId());
        for (int i = 0; i < config.maxAttempts(); i++) {
            makeDue(s);
            job.deliverDue();
        }
        makeDue(s);
        job.deliverDue();
        assertThat(receiver.received()).hasSize(config.maxAttempts());
        JsonPath d = deliveries(s);
        assertThat(d.getString("items[0].state")).isEqualTo("DEAD");
        assertThat(d.getInt("items[0].attempts")).isEqualTo(config.maxAttempts());
    }

    /**
     * "Restart": the row is written while no delivery runs; a new job instance (its own HTTP client, nothing
     * carried over from the bean that existed when the row was written) delivers it from the database alone.
     * Also a replica that dies after claiming: its rows come back when the claim lease ends.
     */
    @Test
    void outboxSurvivesARestartAndACrashAfterClaiming() throws Exception {
        Subscription s = subscribe("REQUEST_SUBMITTED");
        Published data = PublishedDatasets.publish(List.of(DemoOrganizations.JEJU));
        String first = submit(data.versionId());
        assertThat(receiver.received()).isEmpty();

        WebhookDeliveryJob restarted = new WebhookDeliveryJob(outbox, encryption, config, clock);
        assertThat(restarted.deliverDue()).isEqualTo(1);
        assertThat(receiver.received())
                .extracting(r -> JsonPath.from(r.text()).getString("requestId"))
                .containsExactly(first);

        // a replica claims the next row and dies before sending it
        String second = submit(data.versionId());
        List<WebhookOutbox.Claimed> lost = outbox.claimDue(100, clock.instant(), config.claimLease());
        assertThat(lost).extracting(c -> c.subscriptionId().toString()).contains(s.id());
        WebhookDeliveryJob another = new WebhookDeliveryJob(outbox, encryption, config, clock);
        assertThat(another.deliverDue()).isZero(); // still leased to the dead replica
        makeDue(s); // the lease ended
        assertThat(another.deliverDue()).isEqualTo(1);
        assertThat(receiver.received())
                .extracting(r -> JsonPath.from(r.text()).getString("requestId"))
                .containsExactly(first, second);
    }

    @Test
    void twoConcurrentRunsDeliverEachRowOnce() throws Exception {
        Subscription s = subscribe("REQUEST_SUBMITTED");
        int count = 40;
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement("""
                INSERT INTO notification_outbox (id, subscription_id, event_type, payload, created_at,
                                                 next_attempt_at)
                VALUES (?, ?, 'REQUEST_SUBMITTED', cast(? AS jsonb), now(), now() - interval '1 second')""")) {
            for (int i = 0; i < count; i++) {
                st.setObject(1, UUID.randomUUID());
                st.setObject(2, UUID.fromString(s.id()));
                st.setString(3, "{\"event\":\"REQUEST_SUBMITTED\",\"n\":" + i + "}");
                st.addBatch();
            }
            st.executeBatch();
        }
        receiver.delay(10);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return job.deliverDue();
                }));
            }
            start.countDown();
            int delivered = 0;
            for (Future<Integer> run : runs) {
                delivered += run.get(60, TimeUnit.SECONDS);
            }
            assertThat(delivered).isEqualTo(count);
        } finally {
            pool.shutdownNow();
        }
        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(got).hasSize(count);
        assertThat(got.stream()
                        .map(WebhookReceiver.Received::delivery)
                        .distinct()
                        .count())
                .isEqualTo(count);
        assertThat(deliveries(s).getList("items.state", String.class))
                .hasSize(count)
                .containsOnly("DELIVERED");
    }

    @Test
    void expiringGrantsAreAnnouncedOnceAndRevocationsNotified() throws Exception {
        Subscription s = subscribe("GRANT_EXPIRING", "GRANT_REVOKED", "REQUEST_DECIDED");
        ApprovedGrants.Approved grant = ApprovedGrants.grant(
                ApprovedGrants.allModes(),
                Map.of("d/a.bin", new byte[] {1, 2, 3}),
                List.of("STREAM"),
                Duration.ofDays(1));
        assertThat(rows(s, "REQUEST_DECIDED")).isEqualTo(1);

        assertThat(expiring.run()).isGreaterThanOrEqualTo(1);
        assertThat(rowsAbout(s, "GRANT_EXPIRING", grant.grantId())).isEqualTo(1);
        int announced = rows(s, "GRANT_EXPIRING");
        expiring.run();
        assertThat(rowsAbout(s, "GRANT_EXPIRING", grant.grantId())).isEqualTo(1);
        assertThat(rows(s, "GRANT_EXPIRING")).as("nothing announced twice").isEqualTo(announced);

        as(Tokens.OPERATOR)
                .body(Map.of("reason", "webhook test"))
                .post("/api/v1/grants/" + grant.grantId() + "/revoke")
                .then()
                .statusCode(200);
        assertThat(rows(s, "GRANT_REVOKED")).isEqualTo(1);

        job.deliverDue();
        Map<String, java.util.Set<String>> grantIdsByEvent = new HashMap<>();
        for (WebhookReceiver.Received r : receiver.received()) {
            assertThat(r.signature()).isEqualTo(hmac(s.secret(), r.body()));
            grantIdsByEvent
                    .computeIfAbsent(r.event(), e -> new java.util.HashSet<>())
                    .add(JsonPath.from(r.text()).getString("grantId"));
        }
        assertThat(grantIdsByEvent.get("GRANT_EXPIRING")).contains(grant.grantId());
        assertThat(grantIdsByEvent.get("GRANT_REVOKED")).contains(grant.grantId());
        assertThat(grantIdsByEvent).containsKey("REQUEST_DECIDED");
    }

    /** The receiver's own check, written independently of {@link WebhookSignature}. */
    static String hmac(String secret, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder("sha256=");
            for (byte b : mac.doFinal(body)) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
