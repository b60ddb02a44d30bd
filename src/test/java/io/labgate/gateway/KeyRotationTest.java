package io.labgate.gateway;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.labgate.gateway.GatewayFixtures.Data;
import io.labgate.gateway.GatewayFixtures.Key;
import io.labgate.notify.NotifyConfig;
import io.labgate.notify.WebhookDeliveryJob;
import io.labgate.notify.WebhookOutbox;
import io.labgate.notify.WebhookSignature;
import io.labgate.notify.WebhookSubscription;
import io.labgate.platform.crypto.CryptoConfig;
import io.labgate.platform.crypto.KeyEncryptionStatus;
import io.labgate.platform.crypto.KeyRing;
import io.labgate.platform.crypto.KeyVersionUsage;
import io.labgate.platform.crypto.RewrapResult;
import io.labgate.platform.crypto.SecretRewrap;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Rotation of the key-encryption keys end to end: secrets sealed under version 1 by the running app, a rewrap
 * under a ring whose active version is 2 (the configuration of the next rollout, passed to the service), then
 * the S3 endpoint (AWS SDK v2) and webhook signatures with the same secrets, and a ring without version 1. The
 * tests' app knows version 2 but keeps 1 active; the endpoint's own rewrap moves everything back to 1.
 */
@QuarkusTest
class KeyRotationTest {

    static final String STATUS = "/api/v1/admin/key-encryption";
    static final String REWRAP = STATUS + "/rewrap";

    @TestHTTPResource("/s3")
    URL endpointUrl;

    @Inject
    DemoOrganizations demo;

    @Inject
    SecretRewrap service;

    @Inject
    CryptoConfig gateway;

    @Inject
    WebhookOutbox outbox;

    @Inject
    NotifyConfig notify;

    @Inject
    Clock clock;

    private static Data data;
    private final List<String> subscriptions = new ArrayList<>();

    /** Versions 1 and 2 of the tests' configuration, version 2 active: the ring after "make version 2 active". */
    KeyRing rotated;
    /** Only version 2: the ring after "remove version 1". */
    KeyRing withoutOld;

    @BeforeEach
    void setUp() {
        ApprovedGrants.organizations(demo);
        PublishedDatasets.active(DemoOrganizations.JEJU);
        synchronized (KeyRotationTest.class) {
            if (data == null) {
                data = GatewayFixtures.publishedForS3();
            }
        }
        Map<Integer, byte[]> keys = new HashMap<>();
        gateway.keyEncryptionKeys()
                .forEach((v, k) ->
                        keys.put(Integer.parseInt(v), Base64.getDecoder().decode(k)));
        assertThat(keys).as("the tests configure versions 1 and 2").containsKeys(1, 2);
        assertThat(gateway.activeKeyVersion()).isEqualTo(1);
        rotated = new KeyRing(keys, 2);
        withoutOld = new KeyRing(Map.of(2, keys.get(2)), 2);
    }

    @AfterEach
    void tearDown() {
        subscriptions.forEach(id ->
                as(Tokens.OPERATOR).delete("/api/v1/webhooks/" + id).then().statusCode(200));
        // leave every secret under the app's active version, whatever happened
        service.rewrap(500, "test");
    }

    @Test
    void rewrapMovesEverySecretToTheActiveVersionAndTheOldVersionCanBeRemoved() throws Exception {
        try (Receiver receiver = new Receiver()) {
            JsonPath hook = as(Tokens.OPERATOR)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("REQUEST_SUBMITTED")))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            UUID hookId = UUID.fromString(hook.getString("subscription.id"));
            String hookSecret = hook.getString("secret");
            subscriptions.add(hookId.toString());
            String grantId = GatewayFixtures.grant(Tokens.ALICE, data); // submits: one REQUEST_SUBMITTED for us
            Key first = GatewayFixtures.key(Tokens.ALICE, grantId);
            Key second = GatewayFixtures.key(Tokens.ALICE, grantId);
            Key revoked = GatewayFixtures.key(Tokens.ALICE, grantId);
            as(Tokens.ALICE)
                    .delete("/api/v1/grants/" + grantId + "/access-keys/" + revoked.id())
                    .then()
                    .statusCode(200);
            List<Key> keys = List.of(first, second, revoked);
            Map<String, byte[]> before = new HashMap<>();
            for (Key k : keys) {
                assertThat(keyVersion(k)).isEqualTo(1);
                before.put(k.accessKeyId(), ciphertext(k));
            }
            assertThat(webhookVersion(hookId)).isEqualTo(1);
            KeyEncryptionStatus pending = service.status(rotated);
            assertThat(pending.activeVersion()).isEqualTo(2);
            assertThat(pending.notOnActiveVersion()).isGreaterThanOrEqualTo(4);
            assertThat(pending.retirableVersions()).doesNotContain(1);

            RewrapResult result = service.rewrap(rotated, 2, "test"); // small batches: several transactions
            assertThat(result.activeVersion()).isEqualTo(2);
            assertThat(result.accessKeysRewrapped()).isGreaterThanOrEqualTo(3);
            assertThat(result.webhooksRewrapped()).isGreaterThanOrEqualTo(1);
            assertThat(result.failed()).isZero();
            assertThat(result.failures()).isEmpty();
            assertThat(result.status().notOnActiveVersion()).isZero();
            assertThat(result.status().retirableVersions()).containsExactly(1);
            assertThat(result.status().missingVersions()).isEmpty();
            assertThat(result.toString()).doesNotContain(first.secret(), second.secret(), hookSecret);
            for (Key k : keys) {
                assertThat(keyVersion(k)).isEqualTo(2);
                assertThat(ciphertext(k)).isNotEqualTo(before.get(k.accessKeyId()));
            }
            assertThat(webhookVersion(hookId)).isEqualTo(2);
            // idempotent: nothing left to do
            RewrapResult again = service.rewrap(rotated, 100, "test");
            assertThat(again.accessKeysRewrapped() + again.webhooksRewrapped()).isZero();

            // the S3 endpoint still accepts the keys' signatures
            assertListable(first);
            assertListable(second);

            // version 1 removed: nothing in the database needs it, the secrets are the ones issued
            KeyEncryptionStatus without = service.status(withoutOld);
            assertThat(without.missingVersions()).isEmpty();
            assertThat(without.notOnActiveVersion()).isZero();
            assertThat(without.configuredVersions()).containsExactly(2);
            for (Key k : keys) {
                assertThat(withoutOld.version(2).open(ciphertext(k), k.accessKeyId()))
                        .isEqualTo(k.secret());
            }
            assertThat(everySecretOpens(withoutOld)).isTrue();
            // and a delivery job with only version 2 signs with the subscription's original secret
            new WebhookDeliveryJob(outbox, withoutOld, notify, clock).deliverDue();
            List<Received> got = receiver.received();
            assertThat(got).isNotEmpty();
            for (Received r : got) {
                assertThat(r.signature()).isEqualTo(WebhookSignature.of(hookSecret, r.body()));
            }

            // the operator endpoint rewraps under the app's configuration (version 1 active): back to 1
            String answer = as(Tokens.OPERATOR)
                    .post(REWRAP + "?batchSize=3")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(answer).doesNotContain(first.secret(), second.secret(), revoked.secret(), hookSecret);
            JsonPath back = JsonPath.from(answer);
            assertThat(back.getInt("activeVersion")).isEqualTo(1);
            assertThat(back.getLong("accessKeysRewrapped")).isGreaterThanOrEqualTo(3);
            assertThat(back.getLong("webhooksRewrapped")).isGreaterThanOrEqualTo(1);
            assertThat(back.getLong("status.notOnActiveVersion")).isZero();
            for (Key k : keys) {
                assertThat(keyVersion(k)).isEqualTo(1);
            }
            assertThat(webhookVersion(hookId)).isEqualTo(1);
            assertListable(first);

            JsonPath status = as(Tokens.AUDITOR)
                    .get(STATUS)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(status.getInt("activeVersion")).isEqualTo(1);
            assertThat(status.getList("configuredVersions", Integer.class)).containsExactly(1, 2);
            assertThat(status.getList("retirableVersions", Integer.class)).containsExactly(2);
            assertThat(status.getLong("versions.find { it.version == 1 }.accessKeys"))
                    .isGreaterThanOrEqualTo(3);
            assertThat(status.getLong("versions.find { it.version == 2 }.accessKeys"))
                    .isZero();
        }
    }

    @Test
    void twoConcurrentRunsShareTheWorkSkipLockedRowsAndNeverWait() throws Exception {
        String grantId = GatewayFixtures.grant(Tokens.ALICE, data);
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            keys.add(GatewayFixtures.key(Tokens.ALICE, grantId));
        }
        Key locked = keys.get(3);
        long onTwoBefore = accessKeysOnVersion(2);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (Connection holder = PublishedDatasets.database()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement("SELECT 1 FROM access_key WHERE access_key_id = ? FOR UPDATE")) {
                lock.setString(1, locked.accessKeyId());
                lock.executeQuery().close();
            }
            // two replicas rewrap at once while an AI company issues keys (sealed under version 1 by the app)
            Future<RewrapResult> a = pool.submit(() -> service.rewrap(rotated, 2, "replica-a"));
            Future<RewrapResult> b = pool.submit(() -> service.rewrap(rotated, 3, "replica-b"));
            Future<List<Key>> issued = pool.submit(() ->
                    List.of(GatewayFixtures.key(Tokens.ALICE, grantId), GatewayFixtures.key(Tokens.ALICE, grantId)));
            RewrapResult ra = a.get(60, TimeUnit.SECONDS);
            RewrapResult rb = b.get(60, TimeUnit.SECONDS);
            keys.addAll(issued.get(60, TimeUnit.SECONDS));
            // every row re-encrypted once: the runs' counts add up to the rows that moved to version 2
            assertThat(ra.accessKeysRewrapped() + rb.accessKeysRewrapped())
                    .isEqualTo(accessKeysOnVersion(2) - onTwoBefore);
            assertThat(ra.failed() + rb.failed()).isZero();
            // the row held by another transaction was skipped, not waited for
            assertThat(keyVersion(locked)).isEqualTo(1);
            assertThat(service.status(rotated).notOnActiveVersion()).isGreaterThanOrEqualTo(1);
            holder.rollback();
        } finally {
            pool.shutdownNow();
        }
        // the next run takes what was left (the locked row, keys issued meanwhile under version 1)
        RewrapResult rest = service.rewrap(rotated, 50, "test");
        assertThat(rest.accessKeysRewrapped()).isGreaterThanOrEqualTo(1);
        assertThat(rest.status().notOnActiveVersion()).isZero();
        for (Key k : keys) {
            assertThat(keyVersion(k)).isEqualTo(2);
            assertThat(withoutOld.version(2).open(ciphertext(k), k.accessKeyId()))
                    .isEqualTo(k.secret());
        }
        assertListable(locked);
    }

    @Test
    void aSecretUnderAnUnconfiguredVersionIsReportedAndLeftAsItIs() throws Exception {
        Key key = GatewayFixtures.key(Tokens.ALICE, GatewayFixtures.grant(Tokens.ALICE, data));
        byte[] sealed = ciphertext(key);
        KeyEncryptionStatus status = service.status(withoutOld);
        assertThat(status.missingVersions()).containsExactly(1);
        KeyVersionUsage v1 = status.versions().stream()
                .filter(v -> v.version() == 1)
                .findFirst()
                .orElseThrow();
        assertThat(v1.configured()).isFalse();
        assertThat(v1.accessKeys()).isGreaterThanOrEqualTo(1);

        RewrapResult result = service.rewrap(withoutOld, 10, "test");
        assertThat(result.failed()).isGreaterThanOrEqualTo(1);
        assertThat(result.failures())
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(20)
                .allSatisfy(f -> assertThat(f.reason()).isEqualTo("key-encryption key version 1 is not configured"));
        assertThat(result.status().missingVersions()).containsExactly(1);
        assertThat(keyVersion(key)).isEqualTo(1);
        assertThat(ciphertext(key)).isEqualTo(sealed);
        assertListable(key);

        // a ring whose active version has no key cannot rewrap; the endpoint says so without a 500
        KeyRing noActive = new KeyRing(Map.of(), 3);
        assertThat(service.status(noActive).activeConfigured()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.rewrap(noActive, 10, "test"))
                .hasMessageContaining("active version 3");
        as(Tokens.OPERATOR).post(REWRAP + "?batchSize=0").then().statusCode(400);
        as(Tokens.OPERATOR).post(REWRAP + "?batchSize=1001").then().statusCode(400);
    }

    private void assertListable(Key key) throws Exception {
        try (S3Client s3 = GatewayFixtures.client(endpointUrl.toURI(), key.accessKeyId(), key.secret())) {
            String bucket = (data.datasetCode() + "-" + data.versionLabel()).toLowerCase(Locale.ROOT);
            assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents())
                    .extracting(S3Object::key)
                    .contains("a.bin");
        }
    }

    /** Every stored secret of both tables opens with this ring. */
    private static boolean everySecretOpens(KeyRing ring) throws SQLException {
        try (Connection db = PublishedDatasets.database()) {
            try (ResultSet rs = db.createStatement()
                    .executeQuery("SELECT access_key_id, secret_ciphertext, key_version FROM access_key")) {
                while (rs.next()) {
                    ring.version(rs.getInt(3)).open(rs.getBytes(2), rs.getString(1));
                }
            }
            try (ResultSet rs = db.createStatement()
                    .executeQuery("SELECT id, secret_ciphertext, key_version FROM webhook_subscription")) {
                while (rs.next()) {
                    ring.version(rs.getInt(3))
                            .open(rs.getBytes(2), WebhookSubscription.aad(rs.getObject(1, UUID.class)));
                }
            }
        }
        return true;
    }

    private static long accessKeysOnVersion(int version) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement("SELECT count(*) FROM access_key WHERE key_version = ?")) {
            st.setInt(1, version);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int keyVersion(Key key) throws SQLException {
        return ((Number) column(key, "key_version")).intValue();
    }

    private static byte[] ciphertext(Key key) throws SQLException {
        return (byte[]) column(key, "secret_ciphertext");
    }

    private static Object column(Key key, String column) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st =
                        db.prepareStatement("SELECT " + column + " FROM access_key WHERE access_key_id = ?")) {
            st.setString(1, key.accessKeyId());
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getObject(1);
            }
        }
    }

    private static int webhookVersion(UUID id) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st =
                        db.prepareStatement("SELECT key_version FROM webhook_subscription WHERE id = ?")) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getInt(1);
            }
        }
    }

    record Received(String signature, byte[] body) {}

    /** A webhook receiver on 127.0.0.1 that records what it gets and answers 200. */
    static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final List<Received> received = new CopyOnWriteArrayList<>();

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-LabGate-Signature"), body));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<Received> received() {
            return List.copyOf(received);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
