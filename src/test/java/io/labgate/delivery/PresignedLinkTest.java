package io.labgate.delivery;

import static io.labgate.delivery.DeliveryData.bytesUsed;
import static io.labgate.delivery.DeliveryData.events;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.delivery.DeliveryData.Event;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Presigned links: downloadable with a plain HTTP client, byte-exact, never outliving the policy cap or the grant. */
@QuarkusTest
class PresignedLinkTest {

    private static final byte[] A = TestStore.bytes(31, 5000);
    private static final byte[] B = TestStore.bytes(32, 70_000);
    private static final Map<String, byte[]> OBJECTS = Map.of("d/a.bin", A, "d/sub/b.bin", B);

    @Inject
    DemoOrganizations demo;

    @BeforeEach
    void organizations() {
        ApprovedGrants.organizations(demo);
    }

    private static JsonPath links(String grantId, List<String> keys, int status) {
        return as(Tokens.ALICE)
                .body(Map.of("keys", keys))
                .post("/api/v1/grants/" + grantId + "/links")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    /** X-Amz-Date + X-Amz-Expires of a presigned URL: when the store stops accepting it. */
    private static Instant signedUntil(String url) {
        Matcher date = Pattern.compile("X-Amz-Date=(\\d{8}T\\d{6}Z)").matcher(url);
        Matcher expires = Pattern.compile("X-Amz-Expires=(\\d+)").matcher(url);
        assertThat(date.find()).isTrue();
        assertThat(expires.find()).isTrue();
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .parse(date.group(1), Instant::from)
                .plusSeconds(Long.parseLong(expires.group(1)));
    }

    @Test
    void eachLinkIsChargedToTheByteQuotaWhenIssuedAndRefusedWhenItDoesNotFit() throws Exception {
        Map<String, Object> terms = ApprovedGrants.allModes();
        // room for b.bin and a.bin once, not for b.bin twice
        terms.put("byteQuotaPerGrant", (long) B.length + A.length + 10);
        Approved approved =
                ApprovedGrants.grant(terms, OBJECTS, List.of("PRESIGNED_URL", "STREAM"), Duration.ofDays(1));
        String grantId = approved.grantId();

        links(grantId, List.of("sub/b.bin"), 200);
        assertThat(bytesUsed(grantId)).as("charged when issued").isEqualTo(B.length);
        JsonPath refused = links(grantId, List.of("sub/b.bin"), 403);
        assertThat(refused.getString("code")).isEqualTo("QUOTA_EXCEEDED");
        assertThat(bytesUsed(grantId)).isEqualTo(B.length);
        // several keys are charged together: all of them fit or none is issued
        links(grantId, List.of("a.bin", "sub/b.bin"), 403);
        assertThat(bytesUsed(grantId)).isEqualTo(B.length);
        links(grantId, List.of("a.bin"), 200);
        assertThat(bytesUsed(grantId)).isEqualTo(B.length + A.length);
        // the stream path sees the same quota
        assertThat(as(Tokens.ALICE)
                        .get("/api/v1/grants/" + grantId + "/objects/a.bin")
                        .then()
                        .extract()
                        .statusCode())
                .isEqualTo(403);
        assertThat(events(grantId))
                .filteredOn(e -> e.action().equals("ACCESS_REFUSED"))
                .extracting(Event::reason)
                .containsExactly("QUOTA_EXCEEDED", "QUOTA_EXCEEDED", "QUOTA_EXCEEDED");
    }

    @Test
    void linksDownloadWithAPlainHttpClientAndMatchTheManifest() throws Exception {
        Approved approved =
                ApprovedGrants.grant(ApprovedGrants.allModes(), OBJECTS, List.of("PRESIGNED_URL"), Duration.ofDays(1));
        Map<String, String> manifest = as(Tokens.ALICE)
                .get("/api/v1/grants/" + approved.grantId() + "/objects")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("objects", Map.class)
                .stream()
                .collect(Collectors.toMap(m -> (String) m.get("key"), m -> (String) m.get("sha256")));
        assertThat(manifest).containsOnlyKeys("a.bin", "sub/b.bin");

        Instant before = Instant.now();
        JsonPath issued = links(approved.grantId(), List.of("a.bin", "sub/b.bin", "a.bin"), 200);
        List<Map<String, String>> links = issued.getList("links");
        assertThat(links).extracting(l -> l.get("key")).containsExactly("a.bin", "sub/b.bin");
        HttpClient http = HttpClient.newHttpClient();
        for (Map<String, String> link : links) {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(link.get("url"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(link.get("url")).isEqualTo(200);
            assertThat(TestStore.sha256(response.body())).isEqualTo(manifest.get(link.get("key")));
            Instant expiresAt = Instant.parse(link.get("expiresAt"));
            assertThat(signedUntil(link.get("url"))).isEqualTo(expiresAt);
            assertThat(expiresAt)
                    .isBetween(before.plusSeconds(890), Instant.now().plusSeconds(900));
        }
        assertThat(TestStore.sha256(A)).isEqualTo(manifest.get("a.bin"));
        // a tampered link is refused by the store
        String tampered = links.get(0).get("url").replace("a.bin", "sub/b.bin");
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(tampered)).build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(403);

        // each link carries the linked object's manifest size: the bytes it offers
        assertThat(events(approved.grantId()))
                .filteredOn(e -> e.action().equals("LINK_ISSUED"))
                .extracting(Event::objectKey, Event::bytes)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("a.bin", (long) A.length),
                        org.assertj.core.groups.Tuple.tuple("sub/b.bin", (long) B.length));
        assertThat(events(approved.grantId()))
                .filteredOn(e -> e.action().equals("OBJECT_LISTED"))
                .hasSize(1);
    }

    @Test
    void aLinkNeverOutlivesItsGrant() {
        Map<String, Object> terms = ApprovedGrants.allModes();
        terms.put("maxLinkSeconds", 3600);
        Approved approved = ApprovedGrants.grant(terms, OBJECTS, List.of("PRESIGNED_URL"), Duration.ofSeconds(120));
        Instant validUntil = Instant.parse(as(Tokens.ALICE)
                .get("/api/v1/grants/" + approved.grantId())
                .then()
                .statusCode(200)
                .extract()
                .path("validUntil"));
        Map<String, String> link =
                links(approved.grantId(), List.of("a.bin"), 200).getMap("links[0]");
        assertThat(signedUntil(link.get("url"))).isBeforeOrEqualTo(validUntil).isAfter(validUntil.minusSeconds(10));
        assertThat(Instant.parse(link.get("expiresAt"))).isBeforeOrEqualTo(validUntil);
    }

    @Test
    void refusesUnknownKeysTooManyKeysAndTheWrongMode() {
        Approved approved =
                ApprovedGrants.grant(ApprovedGrants.allModes(), OBJECTS, List.of("PRESIGNED_URL"), Duration.ofDays(1));
        JsonPath unknown = links(approved.grantId(), List.of("a.bin", "../a.bin"), 404);
        assertThat(unknown.getString("detail")).startsWith("NO_SUCH_KEY");
        links(approved.grantId(), IntStream.range(0, 101).mapToObj(i -> "k" + i).toList(), 400);
        links(approved.grantId(), List.of(), 400);
        as(Tokens.ALICE)
                .body(new HashMap<>())
                .post("/api/v1/grants/" + approved.grantId() + "/links")
                .then()
                .statusCode(400);

        Approved streamOnly =
                ApprovedGrants.grant(ApprovedGrants.allModes(), OBJECTS, List.of("STREAM"), Duration.ofDays(1));
        assertThat(links(streamOnly.grantId(), List.of("a.bin"), 403).getString("detail"))
                .startsWith("MODE_NOT_ALLOWED");
        assertThat(as(Tokens.BOB)
                        .body(Map.of("keys", List.of("a.bin")))
                        .post("/api/v1/grants/" + approved.grantId() + "/links")
                        .statusCode())
                .isEqualTo(404);
    }
}
