package io.labgate.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.labgate.devlab.EmbeddedLab;
import io.labgate.devlab.EmbeddedLabTestResource;
import io.labgate.devlab.LabGateProcess;
import io.labgate.notify.WebhookReceiver;
import io.labgate.notify.WebhookSignature;
import io.labgate.testing.AccessRequestBodies;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.S3Clients;
import io.labgate.testing.Tokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Two packaged LabGate processes ({@code quarkus-run.jar}) on one embedded PostgreSQL, S3 store and Keycloak, as
 * replicas behind one Service: requests go to both, both run every scheduled job (at short intervals). Proves
 * that what the replicas share stays correct: the usage-log chain, grant expiry, the webhook outbox and the
 * per-organization request rate; that one instance carries on when the other dies; that a webhook event
 * queued when LabGate stops is delivered once, signed, after it starts again; and that downloads (REST and S3) cut
 * by a SIGKILL are completed as INTERRUPTED, with the reserved bytes, when LabGate starts again.
 *
 * <p>The tests run in order on the same two instances (starting them is the expensive part); each creates its own
 * data and looks only at it. The instances' output is in {@code target/replicas/}, printed when a test fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {

    /** The shared request rate of the instances: tokens per second and bucket size. */
    static final double RATE = 5;

    static final int BURST = 5;

    static final Path LOGS = Path.of("target", "replicas");

    static LabGateProcess a;
    static LabGateProcess b;
    /** The packaged application and the settings both instances (and a restarted one) run with. */
    static Path jar;

    static Map<String, String> config;
    static HttpClient http;
    /** A version of a dataset of Jeju whose policy allows every mode and many grants at once. */
    static String datasetId;

    static String versionId;
    /** Beta's grant for the usage-chain test; Alpha's for the rate test; Alpha's that end soon. */
    static String betaGrant;

    static String alphaGrant;
    static List<String> endingSoon;

    @RegisterExtension
    static final AfterTestExecutionCallback PRINT_LOGS_ON_FAILURE = context -> {
        if (context.getExecutionException().isPresent()) {
            for (LabGateProcess instance : new LabGateProcess[] {a, b}) {
                if (instance != null) {
                    System.err.println("===== output of LabGate " + instance.name() + " (" + instance.log() + ")");
                    System.err.println(instance.output());
                }
            }
        }
    };

    @BeforeAll
    static void startTwoInstances() throws Exception {
        EmbeddedLab lab = EmbeddedLabTestResource.lab();
        jar = Path.of(System.getProperty("labgate.app.jar", "target/quarkus-app/quarkus-run.jar"));
        config = new LinkedHashMap<>(lab.labGateConfig());
        // the embedded default's demo secrets are allowed only with demo data on; it is find-or-create, so the
        // second instance, started once the first is ready, finds everything in place
        config.put("labgate.demo.enabled", "true");
        config.put("labgate.access.expiry-every", "1s");
        config.put("labgate.notify.deliver-every", "1s");
        config.put("labgate.notify.claim-lease", "10s");
        config.put("labgate.notify.expiring-every", "off");
        // the ending-soon grants owe a destruction attestation, due in 14 days: reminded BEFORE at once
        config.put("labgate.attestation.due-every", "1s");
        config.put("labgate.attestation.reminder-every", "1s");
        config.put("labgate.attestation.remind-before", "P30D");
        config.put("labgate.inventory.reconcile-every", "off");
        config.put("labgate.metrics.refresh-every", "off");
        config.put("labgate.delivery.requests-per-second", Double.toString(RATE));
        config.put("labgate.delivery.burst", Integer.toString(BURST));
        // refusals over the rate are tallied per window: short windows, so the tests see them soon
        config.put("labgate.usage.tally-window", "2s");
        config.put("labgate.usage.tally-flush-every", "1s");
        try {
            a = LabGateProcess.start("a", jar, config, LOGS.resolve("labgate-a.log"))
                    .awaitReady(Duration.ofMinutes(2));
            b = LabGateProcess.start("b", jar, config, LOGS.resolve("labgate-b.log"))
                    .awaitReady(Duration.ofMinutes(2));
        } catch (Exception | Error e) {
            stopInstances();
            throw e;
        }
        http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        // the fixtures talk to instance a; the tests choose their instance per request
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = a.port();

        PublishedDatasets.active(DemoOrganizations.ALPHA);
        PublishedDatasets.active(DemoOrganizations.BETA);
        Map<String, Object> terms = ApprovedGrants.allModes();
        terms.put("maxConcurrentGrants", 50);
        String policyId = PublishedDatasets.policy(terms);
        datasetId = PublishedDatasets.dataset(policyId, List.of(DemoOrganizations.JEJU), List.of());
        versionId = PublishedDatasets.publishedVersion(datasetId, Map.of("d/a.bin", new byte[2048]));
        Instant soon = Instant.now().plusSeconds(25);
        endingSoon = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            endingSoon.add(grant(Tokens.ALICE, List.of("STREAM"), soon));
        }
        betaGrant = grant(
                Tokens.BOB, List.of("STREAM", "PRESIGNED_URL"), Instant.now().plus(Duration.ofDays(1)));
        alphaGrant = grant(Tokens.ALICE, List.of("STREAM"), Instant.now().plus(Duration.ofDays(1)));
    }

    @AfterAll
    static void stopInstances() throws InterruptedException {
        for (LabGateProcess instance : new LabGateProcess[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        RestAssured.reset();
    }

    @Test
    @Order(0)
    void aRevocationOnOneInstanceBitesOnTheOtherAtTheNextRequest() throws Exception {
        String grantId = grant(
                Tokens.ALICE, List.of("STREAM", "S3_ENDPOINT"), Instant.now().plus(Duration.ofDays(1)));
        JsonPath key = on(a, Tokens.ALICE)
                .post("/api/v1/grants/" + grantId + "/access-keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        try (S3Client onB = S3Clients.client(
                URI.create(b.url() + "/s3"), key.getString("accessKeyId"), key.getString("secretAccessKey"))) {
            assertThat(onB.listBuckets().buckets()).hasSize(1);
            on(a, Tokens.ALICE)
                    .delete("/api/v1/grants/" + grantId + "/access-keys/" + key.getString("id"))
                    .then()
                    .statusCode(200);
            long revoked = System.nanoTime();
            assertThatThrownBy(onB::listBuckets)
                    .isInstanceOf(S3Exception.class)
                    .extracting(e -> ((S3Exception) e).awsErrorDetails().errorCode())
                    .isEqualTo("InvalidAccessKeyId");
            assertThat(Duration.ofNanos(System.nanoTime() - revoked))
                    .as("key revoked on a, refused on b")
                    .isLessThan(Duration.ofSeconds(1));
        }

        assertThat(on(a, Tokens.ALICE)
                        .get("/api/v1/grants/" + grantId + "/objects/a.bin")
                        .statusCode())
                .isEqualTo(200);
        on(b, Tokens.OPERATOR)
                .body(Map.of("reason", "terms broken"))
                .post("/api/v1/grants/" + grantId + "/revoke")
                .then()
                .statusCode(200);
        long revoked = System.nanoTime();
        var refused = on(a, Tokens.ALICE).get("/api/v1/grants/" + grantId + "/objects/a.bin");
        assertThat(Duration.ofNanos(System.nanoTime() - revoked))
                .as("grant revoked on b, refused on a")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.jsonPath().getString("code")).isEqualTo("GRANT_NOT_USABLE");
    }

    @Test
    @Order(1)
    void concurrentDownloadsOnBothInstancesNeverTakeMoreThanTheQuota() throws Exception {
        String grantId = grant(Tokens.ALICE, List.of("STREAM"), Instant.now().plus(Duration.ofDays(1)));
        // room for three downloads of the 2048-byte object and a little more, not four
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement("UPDATE access_grant SET byte_quota = ? WHERE id = ?")) {
            st.setLong(1, 3 * 2048 + 1000);
            st.setObject(2, UUID.fromString(grantId));
            st.executeUpdate();
        }
        AtomicInteger served = new AtomicInteger();
        AtomicInteger overQuota = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                LabGateProcess instance = t % 2 == 0 ? a : b;
                done.add(pool.submit(() -> {
                    // each client retries over the shared rate until it is served or refused for the quota
                    for (int attempt = 0; attempt < 100; attempt++) {
                        HttpResponse<byte[]> response = http.send(
                                HttpRequest.newBuilder(URI.create(
                                                instance.url() + "/api/v1/grants/" + grantId + "/objects/a.bin"))
                                        .header("Authorization", "Bearer " + Tokens.of(Tokens.ALICE))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() == 200) {
                            assertThat(response.body()).hasSize(2048);
                            served.incrementAndGet();
                            return null;
                        }
                        if (response.statusCode() == 403) {
                            assertThat(new String(response.body(), StandardCharsets.UTF_8))
                                    .contains("QUOTA_EXCEEDED");
                            overQuota.incrementAndGet();
                            return null;
                        }
                        assertThat(response.statusCode())
                                .as("over the shared rate")
                                .isEqualTo(429);
                        Thread.sleep(100);
                    }
                    throw new AssertionError("neither served nor refused for the quota");
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(served).as("downloads served by both instances together").hasValue(3);
        assertThat(overQuota).hasValue(5);
        assertThat(single("SELECT bytes_used FROM access_grant WHERE id = ?", grantId))
                .as("bytes used: exactly the three downloads")
                .isEqualTo(Long.toString(3 * 2048));
        // Alpha's shared rate bucket is full again before the next test
        Thread.sleep(1_500);
    }

    @Test
    @Order(2)
    void concurrentRequestsOnBothInstancesKeepOneIntactChainWithEachEventOnce() throws Exception {
        int threads = 6;
        int perThread = 12;
        Set<String> requestIds = ConcurrentHashMap.newKeySet();
        AtomicInteger limited = new AtomicInteger();
        Map<String, AtomicInteger> granted = Map.of(a.name(), new AtomicInteger(), b.name(), new AtomicInteger());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        LabGateProcess instance = (thread + i) % 2 == 0 ? a : b;
                        String requestId = "chain-" + thread + "-" + i + "-" + UUID.randomUUID();
                        HttpRequest.Builder request = i % 3 == 0
                                ? HttpRequest.newBuilder(
                                                URI.create(instance.url() + "/api/v1/grants/" + betaGrant + "/links"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"keys\":[\"a.bin\"]}"))
                                : HttpRequest.newBuilder(
                                        URI.create(instance.url() + "/api/v1/grants/" + betaGrant + "/objects/a.bin"));
                        HttpResponse<byte[]> response = http.send(
                                request.header("X-Request-Id", requestId)
                                        .header("Authorization", "Bearer " + Tokens.of(Tokens.BOB))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        // what is not granted is refused by the shared rate: logged as well
                        assertThat(response.statusCode())
                                .as(response.toString())
                                .isIn(200, 429);
                        if (response.statusCode() == 200) {
                            granted.get(instance.name()).incrementAndGet();
                            requestIds.add(requestId);
                        } else {
                            limited.incrementAndGet();
                        }
                        Thread.sleep(40);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(granted.get(a.name())).as("requests served by a").hasPositiveValue();
        assertThat(granted.get(b.name())).as("requests served by b").hasPositiveValue();

        // a download's event is committed just after its last byte, the refusals' tallies after their window:
        // wait for all, then each served request exactly once and every refused one counted
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> requestIdsOfGrant(betaGrant).size() >= requestIds.size()
                        && rateLimitedOf(betaGrant) >= limited.get());
        List<String> logged = requestIdsOfGrant(betaGrant);
        assertThat(logged)
                .hasSize(requestIds.size())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(requestIds);
        assertThat(rateLimitedOf(betaGrant)).as("refused requests counted").isEqualTo(limited.get());
        assertChainIntact();
    }

    @Test
    @Order(3)
    void outboxRowsWrittenOnEitherInstanceAreDeliveredOnceAndSigned() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath created = on(a, Tokens.OPERATOR)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("REQUEST_SUBMITTED")))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            String subscription = created.getString("subscription.id");
            String secret = created.getString("secret");
            try {
                List<String> submitted = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    submitted.add(submit(i % 2 == 0 ? a : b, Instant.now().plus(Duration.ofDays(5))));
                }
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> requestIdsIn(receiver.received()).containsAll(submitted));
                // both instances' delivery jobs tick every second: give a second sending a few chances
                Thread.sleep(3000);
                List<WebhookReceiver.Received> got = receiver.received();
                assertThat(requestIdsIn(got)).containsExactlyInAnyOrderElementsOf(submitted);
                assertThat(got).extracting(WebhookReceiver.Received::delivery).doesNotHaveDuplicates();
                for (WebhookReceiver.Received r : got) {
                    assertThat(r.event()).isEqualTo("REQUEST_SUBMITTED");
                    assertThat(r.signature()).isEqualTo(WebhookSignature.of(secret, r.body()));
                }
                try (Connection db = PublishedDatasets.database();
                        PreparedStatement st = db.prepareStatement(
                                "SELECT count(*), count(*) FILTER (WHERE delivered_at IS NOT NULL AND attempts = 1) "
                                        + "FROM notification_outbox WHERE subscription_id = ?")) {
                    st.setObject(1, UUID.fromString(subscription));
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(submitted.size());
                        assertThat(rs.getInt(2))
                                .as("delivered at the first attempt")
                                .isEqualTo(submitted.size());
                    }
                }
            } finally {
                on(a, Tokens.OPERATOR)
                        .delete("/api/v1/webhooks/" + subscription)
                        .then()
                        .statusCode(200);
            }
        }
    }

    @Test
    @Order(4)
    void grantsPastTheirEndAreExpiredOnceWhileBothExpiryJobsRun() throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> endingSoon.stream().allMatch(id -> "EXPIRED".equals(status(id))));
        // both jobs run every second: a few more ticks of each
        Thread.sleep(2500);
        for (String grantId : endingSoon) {
            assertExpiredOnce(grantId);
        }
    }

    @Test
    @Order(4)
    void endedGrantsOweOneAttestationAndEachReminderIsQueuedOnceWhileBothJobsRun() throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> endingSoon.stream()
                        .allMatch(id -> "1"
                                .equals(count(
                                        "SELECT count(*) FROM attestation_reminder r "
                                                + "JOIN destruction_attestation a ON a.id = r.attestation_id WHERE a.grant_id = ?",
                                        id))));
        // both jobs of both instances run every second: a few more ticks of each
        Thread.sleep(2500);
        for (String grantId : endingSoon) {
            assertThat(single("SELECT count(*) FROM destruction_attestation WHERE grant_id = ?", grantId))
                    .as("attestations of %s", grantId)
                    .isEqualTo("1");
            assertThat(single(
                            "SELECT string_agg(r.step, ',') FROM attestation_reminder r "
                                    + "JOIN destruction_attestation a ON a.id = r.attestation_id WHERE a.grant_id = ?",
                            grantId))
                    .as("reminder steps of %s", grantId)
                    .isEqualTo("BEFORE");
            assertThat(single(
                            "SELECT string_agg(reason, ',' ORDER BY seq) FROM usage_event "
                                    + "WHERE grant_id = ? AND action = 'ATTESTATION_CHANGED'",
                            grantId))
                    .as("ATTESTATION_CHANGED events of %s", grantId)
                    .isEqualTo("DUE,REMINDED_BEFORE");
        }
        assertChainIntact();
    }

    static String count(String sql, String id) {
        try {
            return single(sql, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(5)
    void anOrganizationsRequestRateIsSharedByBothInstances() throws Exception {
        int threads = 8;
        Duration hammer = Duration.ofSeconds(3);
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        List<Integer> other = new CopyOnWriteArrayList<>();
        List<String> retryAfter = new CopyOnWriteArrayList<>();
        String alphaList = "/api/v1/grants/" + alphaGrant + "/objects";
        String betaList = "/api/v1/grants/" + betaGrant + "/objects";
        String alice = Tokens.of(Tokens.ALICE);
        String bob = Tokens.of(Tokens.BOB);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        long started = System.nanoTime();
        long end = started + hammer.toNanos();
        long finished;
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        LabGateProcess instance = (thread + i) % 2 == 0 ? a : b;
                        HttpResponse<Void> response = http.send(
                                HttpRequest.newBuilder(URI.create(instance.url() + alphaList))
                                        .header("Authorization", "Bearer " + alice)
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            granted.incrementAndGet();
                        } else if (response.statusCode() == 429) {
                            limited.incrementAndGet();
                            retryAfter.add(
                                    response.headers().firstValue("Retry-After").orElse(""));
                        } else {
                            other.add(response.statusCode());
                        }
                    }
                    return null;
                }));
            }
            // meanwhile Beta, well within its own rate, is never refused
            List<Integer> beta = new CopyOnWriteArrayList<>();
            done.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    LabGateProcess instance = i % 2 == 0 ? a : b;
                    beta.add(http.send(
                                    HttpRequest.newBuilder(URI.create(instance.url() + betaList))
                                            .header("Authorization", "Bearer " + bob)
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode());
                    Thread.sleep(400);
                }
                return null;
            }));
            for (Future<?> f : done) {
                f.get(1, TimeUnit.MINUTES);
            }
            finished = System.nanoTime();
            assertThat(beta).hasSizeGreaterThanOrEqualTo(4).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (finished - started) / 1e9;
        // the bucket held at most BURST tokens at the start and refilled at RATE by the database's clock, whose
        // time between the first and the last request is within the time measured here
        long allowed = (long) Math.floor(BURST + RATE * seconds);
        System.out.printf(
                "rate: %d granted, %d limited in %.2f s across two instances; shared limit %d, "
                        + "per-replica limits would have allowed %d%n",
                granted.get(), limited.get(), seconds, allowed, 2 * allowed);
        int attempts = granted.get() + limited.get();
        if (attempts <= 2 * allowed) {
            System.out.printf(
                    "rate: only %d attempts; per-replica limits would not have been exceeded either%n", attempts);
        }
        assertThat(other).as("neither granted nor rate-limited").isEmpty();
        assertThat(granted.get())
                .as("granted in %.2f s", seconds)
                .isLessThanOrEqualTo((int) allowed)
                .as("the burst at least")
                .isGreaterThanOrEqualTo(BURST);
        assertThat(limited.get()).as("refused requests: the limit was reached").isPositive();
        assertThat(retryAfter).allSatisfy(v -> assertThat(Integer.parseInt(v)).isBetween(1, 5));
    }

    @Test
    @Order(6)
    void whenOneInstanceDiesTheOtherCarriesOn() throws Exception {
        b.kill();
        assertThat(b.isAlive()).isFalse();
        String grantId = grant(Tokens.ALICE, List.of("STREAM"), Instant.now().plusSeconds(10));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath created = on(a, Tokens.OPERATOR)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("REQUEST_SUBMITTED")))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            String subscription = created.getString("subscription.id");
            try {
                List<String> submitted = List.of(
                        submit(a, Instant.now().plus(Duration.ofDays(5))),
                        submit(a, Instant.now().plus(Duration.ofDays(5))));
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> requestIdsIn(receiver.received()).containsAll(submitted)
                                && "EXPIRED".equals(status(grantId)));
                Thread.sleep(1500);
                assertThat(requestIdsIn(receiver.received())).containsExactlyInAnyOrderElementsOf(submitted);
                assertExpiredOnce(grantId);
            } finally {
                on(a, Tokens.OPERATOR)
                        .delete("/api/v1/webhooks/" + subscription)
                        .then()
                        .statusCode(200);
            }
        }
        assertChainIntact();
    }

    @Test
    @Order(7)
    void aQueuedWebhookIsDeliveredOnceAfterLabGateIsStoppedAndStartedAgain() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(503);
            JsonPath created = on(a, Tokens.OPERATOR)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("REQUEST_SUBMITTED")))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            String subscription = created.getString("subscription.id");
            String secret = created.getString("secret");
            try {
                String requestId = submit(a, Instant.now().plus(Duration.ofDays(5)));
                // the first attempt is refused: the event stays in the outbox, due again after the backoff (10 s)
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> outbox(subscription)[0] == 1);
                if (b.isAlive()) {
                    b.close();
                }
                a.close(); // a clean stop: no LabGate runs now
                assertThat(outbox(subscription)).as("attempts, delivered").containsExactly(1, 0);

                a = LabGateProcess.start("a-restarted", jar, config, LOGS.resolve("labgate-a-restarted.log"))
                        .awaitReady(Duration.ofMinutes(2));
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> outbox(subscription)[1] == 1);
                Thread.sleep(2000); // the delivery job ticks every second: a second sending would show by now

                // two POSTs of the same outbox row: the refused one before the stop, the delivery after the start
                List<WebhookReceiver.Received> got = receiver.received();
                assertThat(got).hasSize(2);
                assertThat(got)
                        .extracting(WebhookReceiver.Received::delivery)
                        .containsOnly(got.get(0).delivery());
                WebhookReceiver.Received delivered = got.get(1);
                assertThat(requestIdsIn(List.of(delivered))).containsExactly(requestId);
                assertThat(delivered.signature()).isEqualTo(WebhookSignature.of(secret, delivered.body()));
                assertThat(outbox(subscription)).as("attempts, delivered").containsExactly(2, 1);
            } finally {
                on(a, Tokens.OPERATOR)
                        .delete("/api/v1/webhooks/" + subscription)
                        .then()
                        .statusCode(200);
            }
        }
    }

    @Test
    @Order(8)
    void downloadsCutByAKilledInstanceAreSettledAsInterruptedWhenLabGateStartsAgain() throws Exception {
        if (b.isAlive()) {
            b.close();
        }
        RestAssured.port = a.port(); // the fixtures talk to the instance that runs now
        byte[] big = new byte[BIG];
        new java.util.Random(7).nextBytes(big);
        String bigVersion = PublishedDatasets.publishedVersion(datasetId, Map.of("d/big.bin", big));
        String grantId = grant(
                Tokens.ALICE, List.of("STREAM", "S3_ENDPOINT"), Instant.now().plus(Duration.ofDays(1)), bigVersion);
        JsonPath key = on(a, Tokens.ALICE)
                .post("/api/v1/grants/" + grantId + "/access-keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String bucket = single(
                "SELECT lower(d.code || '-' || v.label) FROM dataset_version v JOIN dataset d ON d.id = v.dataset_id "
                        + "WHERE v.id = ?",
                bigVersion);
        URL presigned;
        try (S3Presigner presigner = S3Clients.presigner(
                URI.create(a.url() + "/s3"), key.getString("accessKeyId"), key.getString("secretAccessKey"))) {
            presigned = presigner
                    .presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(10))
                            .getObjectRequest(g -> g.bucket(bucket).key("big.bin")))
                    .url();
        }
        long restRead;
        long s3Read;
        try (Socket rest = slowGet(
                        a.port(),
                        "/api/v1/grants/" + grantId + "/objects/big.bin",
                        "Authorization: Bearer " + Tokens.of(Tokens.ALICE));
                Socket s3 = slowGet(a.port(), presigned.getFile(), null)) {
            // each client has read a part and waits: the transfers run when the process dies
            restRead = readAtLeast(rest, 1024 * 1024);
            s3Read = readAtLeast(s3, 1024 * 1024);
            a.kill();
        }
        assertThat(interrupted(grantId))
                .as("nothing settles while no LabGate runs")
                .isEmpty();

        a = LabGateProcess.start("a-after-kill", jar, config, LOGS.resolve("labgate-a-after-kill.log"))
                .awaitReady(Duration.ofMinutes(2));
        RestAssured.port = a.port();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> interrupted(grantId).size() == 2);
        Map<String, Long> settled = interrupted(grantId);
        assertThat(settled.get("OBJECT_STREAMED"))
                .isGreaterThanOrEqualTo(restRead)
                .isEqualTo(BIG);
        assertThat(settled.get("S3_REQUEST")).isGreaterThanOrEqualTo(s3Read).isEqualTo(BIG);
        assertThat(single("SELECT bytes_used FROM access_grant WHERE id = ?", grantId))
                .as("the grant holds the reservations of both transfers")
                .isEqualTo(Long.toString(2L * BIG));
        assertThat(single("SELECT count(*) FROM usage_open_transfer WHERE grant_id = ?", grantId))
                .isEqualTo("0");
        assertChainIntact();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Size of the object the crash test downloads: far more than the socket buffers hold. */
    static final int BIG = 32 * 1024 * 1024;

    /** Sends a GET on a raw socket and reads nothing yet: a client that reads when it likes. */
    static Socket slowGet(int port, String pathAndQuery, String header) throws java.io.IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setReceiveBufferSize(64 * 1024);
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + (header == null ? "" : header + "\r\n") + "\r\n";
        socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Reads at least {@code bytes} of the answer (status line and headers included); answers how many. */
    static long readAtLeast(Socket socket, long bytes) throws java.io.IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        java.io.InputStream in = socket.getInputStream();
        while (read < bytes) {
            int n = in.read(buffer);
            assertThat(n).as("the answer ended after %d bytes", read).isPositive();
            if (read == 0) {
                String head = new String(buffer, 0, Math.min(n, 12), java.nio.charset.StandardCharsets.US_ASCII);
                assertThat(head).as("status line").isEqualTo("HTTP/1.1 200");
            }
            read += n;
        }
        return read;
    }

    /** The INTERRUPTED completions of a grant's transfers: bytes by completion action. */
    static Map<String, Long> interrupted(String grantId) throws SQLException {
        Map<String, Long> found = new LinkedHashMap<>();
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement("SELECT action, bytes FROM usage_event WHERE grant_id = ? "
                        + "AND outcome = 'FAILED' AND reason = 'INTERRUPTED' ORDER BY seq")) {
            st.setObject(1, UUID.fromString(grantId));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return found;
    }

    /** The subscription's outbox: attempts made over its rows, and rows delivered. */
    static int[] outbox(String subscription) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement(
                        "SELECT coalesce(sum(attempts), 0), count(*) FILTER (WHERE delivered_at IS NOT NULL) "
                                + "FROM notification_outbox WHERE subscription_id = ?")) {
            st.setObject(1, UUID.fromString(subscription));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }
    }

    static RequestSpecification on(LabGateProcess instance, String user) {
        return RestAssured.given()
                .baseUri("http://127.0.0.1")
                .port(instance.port())
                .auth()
                .oauth2(Tokens.of(user))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** An access request of Alpha for the version, submitted on this instance; answers its id. */
    static String submit(LabGateProcess instance, Instant until) {
        Map<String, Object> body = AccessRequestBodies.of(List.of(versionId), until, List.of("STREAM"));
        return on(instance, Tokens.ALICE)
                .body(body)
                .post("/api/v1/access-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** An ACTIVE grant of the user's organization on the version until then: applied, consented, approved. */
    static String grant(String user, List<String> modes, Instant until) {
        return grant(user, modes, until, versionId);
    }

    /** An ACTIVE grant of the user's organization on that version until then. */
    static String grant(String user, List<String> modes, Instant until, String version) {
        Map<String, Object> body = AccessRequestBodies.of(List.of(version), until, modes);
        String requestId = on(a, user)
                .body(body)
                .post("/api/v1/access-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        on(b.isAlive() ? b : a, Tokens.CAROL)
                .body(Map.of("decision", "GRANTED"))
                .post("/api/v1/access-requests/" + requestId + "/consents/" + datasetId)
                .then()
                .statusCode(200);
        on(a, Tokens.OPERATOR)
                .body(Map.of("approve", true, "reason", "replica tests"))
                .post("/api/v1/access-requests/" + requestId + "/decision")
                .then()
                .statusCode(200);
        return on(a, Tokens.OPERATOR)
                .get("/api/v1/grants?requestId=" + requestId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items[0].id");
    }

    static Set<String> requestIdsIn(List<WebhookReceiver.Received> received) {
        return received.stream()
                .map(r -> JsonPath.from(r.text()).getString("requestId"))
                .collect(Collectors.toSet());
    }

    static String status(String grantId) {
        try {
            return single("SELECT status FROM access_grant WHERE id = ?", grantId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertExpiredOnce(String grantId) throws SQLException {
        assertThat(single("SELECT count(*) FROM grant_change WHERE grant_id = ? AND action = 'EXPIRED'", grantId))
                .as("grant_change rows of %s", grantId)
                .isEqualTo("1");
        assertThat(single(
                        "SELECT count(*) FROM usage_event WHERE grant_id = ? AND action = 'GRANT_CHANGED' "
                                + "AND reason = 'EXPIRED'",
                        grantId))
                .as("GRANT_CHANGED events of %s", grantId)
                .isEqualTo("1");
    }

    /** The request ids of the data-access events of a grant (downloads, links, refusals), one per event. */
    static List<String> requestIdsOfGrant(String grantId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st =
                        db.prepareStatement("SELECT client_request_id FROM usage_event WHERE grant_id = ? "
                                + "AND action IN ('OBJECT_STREAMED', 'LINK_ISSUED') ORDER BY seq")) {
            st.setObject(1, UUID.fromString(grantId));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** Requests of the grant refused over the rate, summed over their tallies. */
    static long rateLimitedOf(String grantId) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement("SELECT coalesce(sum(occurrences), 0) FROM usage_event "
                        + "WHERE grant_id = ? AND action = 'ACCESS_REFUSED' AND reason = 'RATE_LIMITED'")) {
            st.setObject(1, UUID.fromString(grantId));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The API's verification finds no break, and the seqs of the whole log are 1..n without a gap. */
    static void assertChainIntact() throws SQLException {
        long count;
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement(
                        "SELECT count(*), count(DISTINCT seq), min(seq), max(seq) FROM usage_event");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            count = rs.getLong(1);
            assertThat(rs.getLong(2)).as("distinct seqs").isEqualTo(count);
            assertThat(rs.getLong(3)).as("first seq").isEqualTo(1);
            assertThat(rs.getLong(4)).as("last seq").isEqualTo(count);
        }
        JsonPath verified = on(a, Tokens.AUDITOR)
                .get("/api/v1/usage/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(verified.getBoolean("valid")).as(verified.prettify()).isTrue();
        assertThat(verified.getLong("breaks")).isZero();
        assertThat(verified.getLong("checked")).as("events walked").isGreaterThanOrEqualTo(count);
    }

    static String single(String sql, String id) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement(sql)) {
            st.setObject(1, UUID.fromString(id));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
