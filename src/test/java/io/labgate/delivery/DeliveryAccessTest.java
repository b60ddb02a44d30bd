package io.labgate.delivery;

import static io.labgate.delivery.DeliveryData.bytesUsed;
import static io.labgate.delivery.DeliveryData.events;
import static io.labgate.delivery.DownloadTest.get;
import static io.labgate.delivery.DownloadTest.objectPath;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.labgate.delivery.DeliveryData.Event;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who is refused what, at once, with a problem document and a usage event: grants, tenants, modes, networks,
 * keys, quota and rate. */
@QuarkusTest
class DeliveryAccessTest {

    private static final byte[] A = TestStore.bytes(41, 100);
    private static final byte[] B = TestStore.bytes(42, 50);
    private static final byte[] OUTSIDE = TestStore.bytes(43, 77);
    private static final Map<String, byte[]> OBJECTS =
            Map.of("d/a.bin", A, "d/b.bin", B, "outside.bin", OUTSIDE, "d2/other.bin", OUTSIDE);

    @Inject
    DemoOrganizations demo;

    @Inject
    DeliveryLimiter limiter;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void organizations() {
        ApprovedGrants.organizations(demo);
    }

    private static Approved streamGrant(Map<String, Object> terms, Duration period) {
        return ApprovedGrants.grant(terms, OBJECTS, List.of("STREAM"), period);
    }

    private static void assertRefused(Response response, int status, String reason) {
        assertThat(response.statusCode()).as(reason).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).startsWith(reason);
    }

    /** Requests refused over the rate, summed over the tallies written so far. */
    private static int rateLimited(String grantId) throws Exception {
        return events(grantId).stream()
                .filter(e -> "RATE_LIMITED".equals(e.reason()))
                .mapToInt(Event::occurrences)
                .sum();
    }

    private static List<String> refusals(String grantId) throws Exception {
        return events(grantId).stream()
                .filter(e -> e.action().equals("ACCESS_REFUSED"))
                .map(Event::reason)
                .toList();
    }

    @Test
    void aRevokedGrantIsRefusedAtOnce() throws Exception {
        Approved approved = streamGrant(ApprovedGrants.allModes(), Duration.ofDays(1));
        assertThat(get(approved.grantId(), "a.bin", null).statusCode()).isEqualTo(200);
        as(Tokens.OPERATOR)
                .body(Map.of("reason", "broke the terms"))
                .post("/api/v1/grants/" + approved.grantId() + "/revoke")
                .then()
                .statusCode(200);
        assertRefused(get(approved.grantId(), "a.bin", null), 403, "GRANT_NOT_USABLE");
        assertRefused(
                as(Tokens.ALICE).get("/api/v1/grants/" + approved.grantId() + "/objects"), 403, "GRANT_NOT_USABLE");
        assertThat(refusals(approved.grantId())).containsExactly("GRANT_NOT_USABLE", "GRANT_NOT_USABLE");
        assertThat(bytesUsed(approved.grantId())).isEqualTo(A.length);
    }

    @Test
    void aGrantPastItsEndIsRefusedByTheClockWithoutAnyJob() throws Exception {
        Approved approved = streamGrant(ApprovedGrants.allModes(), Duration.ofSeconds(8));
        Instant until = Instant.parse(as(Tokens.ALICE)
                .get("/api/v1/grants/" + approved.grantId())
                .then()
                .statusCode(200)
                .extract()
                .path("validUntil"));
        long wait = Duration.between(Instant.now(), until).toMillis() + 200;
        if (wait > 0) {
            Thread.sleep(wait);
        }
        assertThat(as(Tokens.ALICE)
                        .get("/api/v1/grants/" + approved.grantId())
                        .then()
                        .extract()
                        .<String>path("status"))
                .isEqualTo("ACTIVE");
        assertRefused(get(approved.grantId(), "a.bin", null), 403, "GRANT_NOT_USABLE");
        assertThat(refusals(approved.grantId())).containsExactly("GRANT_NOT_USABLE");
    }

    @Test
    void anotherTenantsGrantDoesNotExistForThem() throws Exception {
        Approved approved = streamGrant(ApprovedGrants.allModes(), Duration.ofDays(1));
        Response download = DownloadTest.given(Tokens.BOB).get(objectPath(approved.grantId(), "a.bin"));
        assertRefused(download, 404, "NO_SUCH_GRANT");
        assertRefused(as(Tokens.BOB).get("/api/v1/grants/" + approved.grantId() + "/objects"), 404, "NO_SUCH_GRANT");
        assertThat(download.asString()).doesNotContain(approved.versionId());
    }

    @Test
    void aModeTheGrantLacksIsForbidden() throws Exception {
        Approved links =
                ApprovedGrants.grant(ApprovedGrants.allModes(), OBJECTS, List.of("PRESIGNED_URL"), Duration.ofDays(1));
        assertRefused(get(links.grantId(), "a.bin", null), 403, "MODE_NOT_ALLOWED");
        assertThat(refusals(links.grantId())).containsExactly("MODE_NOT_ALLOWED");
        // listing belongs to every mode
        assertThat(as(Tokens.ALICE)
                        .get("/api/v1/grants/" + links.grantId() + "/objects")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aClientOutsideThePolicysNetworksIsForbidden() throws Exception {
        Map<String, Object> terms = ApprovedGrants.allModes();
        terms.put("allowedModes", List.of("STREAM", "S3_ENDPOINT")); // links would escape the networks
        terms.put("allowedNetworks", List.of("10.0.0.0/8", "2001:db8::/32"));
        Approved approved = streamGrant(terms, Duration.ofDays(1));
        assertRefused(get(approved.grantId(), "a.bin", null), 403, "NETWORK_NOT_ALLOWED");
        assertRefused(
                as(Tokens.ALICE).get("/api/v1/grants/" + approved.grantId() + "/objects"), 403, "NETWORK_NOT_ALLOWED");
        assertThat(events(approved.grantId()))
                .filteredOn(e -> e.action().equals("ACCESS_REFUSED"))
                .extracting(Event::reason, Event::client)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("NETWORK_NOT_ALLOWED", "127.0.0.1"));

        Map<String, Object> local = ApprovedGrants.allModes();
        local.put("allowedModes", List.of("STREAM", "S3_ENDPOINT"));
        local.put("allowedNetworks", List.of("10.0.0.0/8", "127.0.0.0/8"));
        assertThat(get(streamGrant(local, Duration.ofDays(1)).grantId(), "a.bin", null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPolicyStoredWithLinksAndNetworksListsAndStreamsButIssuesNoLink() throws Exception {
        Map<String, Object> terms = ApprovedGrants.allModes();
        terms.put("allowedModes", List.of("STREAM", "S3_ENDPOINT"));
        terms.put("allowedNetworks", List.of("127.0.0.0/8"));
        String policyId = PublishedDatasets.policy(terms);
        // as a policy stored before links and networks were exclusive (the API now refuses it)
        try (java.sql.Connection db = PublishedDatasets.database();
                java.sql.PreparedStatement st = db.prepareStatement("UPDATE security_policy SET allowed_modes = "
                        + "ARRAY['PRESIGNED_URL', 'STREAM', 'S3_ENDPOINT'] WHERE id = ?")) {
            st.setObject(1, java.util.UUID.fromString(policyId));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        String datasetId = PublishedDatasets.dataset(policyId, List.of(DemoOrganizations.JEJU), List.of());
        Approved grant = ApprovedGrants.grantOn(
                datasetId,
                PublishedDatasets.publishedVersion(datasetId, OBJECTS),
                List.of("PRESIGNED_URL", "STREAM"),
                Duration.ofDays(1));
        // listing belongs to every mode, whichever the grant names first; streaming from inside the networks works
        assertThat(as(Tokens.ALICE)
                        .get("/api/v1/grants/" + grant.grantId() + "/objects")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get(grant.grantId(), "a.bin", null).statusCode()).isEqualTo(200);
        assertRefused(
                as(Tokens.ALICE)
                        .body(Map.of("keys", List.of("a.bin")))
                        .post("/api/v1/grants/" + grant.grantId() + "/links"),
                403,
                "NETWORK_NOT_ALLOWED");
    }

    @Test
    void keysThatAreNotExactlyManifestKeysReachNothing() throws Exception {
        Approved approved = streamGrant(ApprovedGrants.allModes(), Duration.ofDays(1));
        // a second version of the same dataset, in another bucket, with a key of its own
        String otherVersion =
                PublishedDatasets.publishedVersion(approved.datasetId(), Map.of("d/only-in-v2.bin", OUTSIDE));
        assertThat(otherVersion).isNotEqualTo(approved.versionId());
        String bucket = as(Tokens.OPERATOR)
                .get("/api/v1/buckets?size=100&sort=createdAt,desc")
                .then()
                .extract()
                .path("items[0].name");
        HttpClient http = HttpClient.newHttpClient();
        String base = root.toString().replaceAll("/$", "") + "/api/v1/grants/" + approved.grantId() + "/objects/";
        List<String> attacks = List.of(
                "../outside.bin",
                "%2e%2e/outside.bin",
                "%2E%2E%2Foutside.bin",
                "..%2Foutside.bin",
                "a.bin%2F..%2F..%2Foutside.bin",
                "%2Fd%2Fa.bin",
                "/d/a.bin",
                "d/a.bin",
                "..%2Fd2%2Fother.bin",
                "../d2/other.bin",
                "only-in-v2.bin",
                bucket + "/d/only-in-v2.bin",
                "a.bin%00",
                "a.bin/",
                "./a.bin",
                "A.BIN",
                "%61.bin%20");
        for (String attack : attacks) {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + attack))
                            .header("Authorization", "Bearer " + Tokens.of(Tokens.ALICE))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(attack).isIn(400, 404);
            assertThat(containsAny(response.body(), OUTSIDE, A)).as(attack).isFalse();
        }
        assertThat(bytesUsed(approved.grantId())).isZero();
        assertThat(events(approved.grantId()))
                .filteredOn(e -> e.action().equals("OBJECT_STREAMED"))
                .isEmpty();
        // the genuine key works, encoded or not
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(base + "%61.bin"))
                                        .header("Authorization", "Bearer " + Tokens.of(Tokens.ALICE))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body())
                .isEqualTo(A);
    }

    private static boolean containsAny(byte[] body, byte[]... secrets) {
        for (byte[] secret : secrets) {
            for (int i = 0; i + 16 <= body.length; i++) {
                if (Arrays.equals(body, i, i + 16, secret, 0, 16)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aTinyQuotaRefusesFurtherBytes() throws Exception {
        Map<String, Object> terms = ApprovedGrants.allModes();
        terms.put("byteQuotaPerGrant", 120);
        Approved approved = streamGrant(terms, Duration.ofDays(1));
        assertThat(get(approved.grantId(), "a.bin", null).asByteArray()).isEqualTo(A);
        assertRefused(get(approved.grantId(), "b.bin", null), 403, "QUOTA_EXCEEDED");
        Response fits = get(approved.grantId(), "b.bin", "bytes=0-19");
        assertThat(fits.statusCode()).isEqualTo(206);
        assertThat(fits.asByteArray()).isEqualTo(Arrays.copyOf(B, 20));
        assertRefused(get(approved.grantId(), "b.bin", "bytes=-1"), 403, "QUOTA_EXCEEDED");
        assertThat(bytesUsed(approved.grantId())).isEqualTo(120);
        assertThat(refusals(approved.grantId())).containsExactly("QUOTA_EXCEEDED", "QUOTA_EXCEEDED");
    }

    @Test
    void anOrganizationOverItsRateGets429WithRetryAfter() throws Exception {
        Approved approved = streamGrant(ApprovedGrants.allModes(), Duration.ofDays(1));
        DeliveryLimiter.Limits before = limiter.limits();
        limiter.setLimits(new DeliveryLimiter.Limits(0.2, 2, 8));
        try {
            assertThat(get(approved.grantId(), "a.bin", null).statusCode()).isEqualTo(200);
            assertThat(as(Tokens.ALICE)
                            .get("/api/v1/grants/" + approved.grantId() + "/objects")
                            .statusCode())
                    .isEqualTo(200);
            Response limited = get(approved.grantId(), "a.bin", null);
            assertRefused(limited, 429, "RATE_LIMITED");
            assertThat(limited.jsonPath().getString("type")).isEqualTo("urn:labgate:problem:too-many-requests");
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 5);
            assertRefused(get(approved.grantId(), "b.bin", null), 429, "RATE_LIMITED");
            assertRefused(get(approved.grantId(), "a.bin", "bytes=0-0"), 429, "RATE_LIMITED");
            // another organization has its own bucket
            assertRefused(
                    DownloadTest.given(Tokens.BOB).get(objectPath(approved.grantId(), "a.bin")), 404, "NO_SUCH_GRANT");
        } finally {
            limiter.setLimits(before);
        }
        // bob's probe is logged under the grant id he named, with his organization, at once; the three refusals
        // over the rate are counted into one event, written when its tally window (2 s in tests) has ended
        // (two events when the three straddle the end of a window)
        await().atMost(Duration.ofSeconds(15)).until(() -> rateLimited(approved.grantId()) == 3);
        List<Event> tallied = events(approved.grantId()).stream()
                .filter(e -> "RATE_LIMITED".equals(e.reason()))
                .toList();
        assertThat(tallied)
                .hasSizeBetween(1, 2)
                .allSatisfy(e -> assertThat(e.objectKey())
                        .as("tallied per grant, not per object")
                        .isNull());
        assertThat(refusals(approved.grantId()))
                .filteredOn("NO_SUCH_GRANT"::equals)
                .hasSize(1);
        assertThat(get(approved.grantId(), "a.bin", null).statusCode()).isEqualTo(200);
    }
}
