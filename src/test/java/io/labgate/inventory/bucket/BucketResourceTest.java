package io.labgate.inventory.bucket;

import static io.labgate.inventory.bucket.BucketFixtures.BUCKETS;
import static io.labgate.inventory.bucket.BucketFixtures.bucketBody;
import static io.labgate.inventory.bucket.BucketFixtures.deleteFromStore;
import static io.labgate.inventory.bucket.BucketFixtures.existsInStore;
import static io.labgate.inventory.bucket.BucketFixtures.makeBucket;
import static io.labgate.inventory.bucket.BucketFixtures.register;
import static io.labgate.inventory.bucket.BucketFixtures.registerExisting;
import static io.labgate.inventory.bucket.BucketFixtures.unique;
import static io.labgate.inventory.bucket.BucketFixtures.upload;
import static io.labgate.testing.Api.anonymous;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.labgate.platform.storage.ObjectStore;
import io.labgate.testing.Tokens;
import io.minio.MinioClient;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BucketResourceTest {

    @Inject
    MinioClient labGatesMinio;

    @Test
    void operatorRegistersExistingBucket() throws Exception {
        String name = unique("reg");
        makeBucket(name);
        upload(name, "a.bin", 10);
        upload(name, "images/b.bin", 2048);
        upload(name, "images/2024/c.bin", 1);

        Response created = register(bucketBody(name, "REGISTER"));
        created.then()
                .statusCode(201)
                .header("Location", containsString(BUCKETS + "/"))
                .header("ETag", "\"0\"")
                .body("name", equalTo(name))
                .body("purpose", equalTo("PROCESSED"))
                .body("quotaBytes", equalTo(1_000_000))
                .body("versioning", equalTo(true))
                .body("encryption", equalTo(false))
                .body("objectCount", equalTo(3))
                .body("usedBytes", equalTo(2059))
                .body("drift", equalTo("NONE"))
                .body("lastReconciledAt", notNullValue());
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(BUCKETS + "/" + id);

        as(Tokens.OPERATOR)
                .get(BUCKETS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("usedBytes", equalTo(2059))
                .body("description", equalTo("test bucket"));
        as(Tokens.AUDITOR)
                .get(BUCKETS + "/" + id + "/usage-samples")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].bucketId", equalTo(id))
                .body("items[0].present", equalTo(true))
                .body("items[0].objectCount", equalTo(3))
                .body("items[0].usedBytes", equalTo(2059))
                .body("items[0].quotaBytes", equalTo(1_000_000));
        as(Tokens.AUDITOR)
                .get(BUCKETS + "?purpose=PROCESSED&drift=NONE&size=100&sort=createdAt,desc")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as(Tokens.AUDITOR)
                .get(BUCKETS + "?purpose=RAW&size=100")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void operatorCreatesBucketInTheStore() throws Exception {
        String name = unique("new");
        assertThat(existsInStore(name)).isFalse();

        register(bucketBody(name, "CREATE"))
                .then()
                .statusCode(201)
                .body("objectCount", equalTo(0))
                .body("usedBytes", equalTo(0))
                .body("drift", equalTo("NONE"));
        assertThat(existsInStore(name)).isTrue();

        // a dotted name is a valid S3 name too
        String dotted = "lg.dotted." + UUID.randomUUID().toString().substring(0, 8);
        register(bucketBody(dotted, "CREATE")).then().statusCode(201);
        assertThat(existsInStore(dotted)).isTrue();
    }

    @Test
    void createModeRegistersABucketThatAlreadyExists() throws Exception {
        String name = unique("old");
        makeBucket(name);
        upload(name, "kept.bin", 500);

        register(bucketBody(name, "CREATE"))
                .then()
                .statusCode(201)
                .body("objectCount", equalTo(1))
                .body("usedBytes", equalTo(500));
    }

    @Test
    void registeringAMissingBucketIsUnprocessable() throws Exception {
        String name = unique("none");
        register(bucketBody(name, "REGISTER"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:unprocessable"))
                .body("detail", containsString(name))
                .body("detail", containsString("does not exist in the object store"))
                .body("violations.field", hasItem("name"));
        assertThat(existsInStore(name)).isFalse();
        // nothing was registered: the same name can still be registered
        register(bucketBody(name, "CREATE")).then().statusCode(201);
    }

    @Test
    void duplicateNameIsAConflict() throws Exception {
        String name = unique("dup");
        makeBucket(name);
        registerExisting(name, 1000);

        register(bucketBody(name, "REGISTER"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:conflict"));
        register(bucketBody(name, "CREATE")).then().statusCode(409);
    }

    @Test
    void invalidBodiesAnswerProblemsWithEachField() {
        for (String badName : List.of(
                "ab",
                "a".repeat(64),
                "Upper-case",
                "under_score",
                "-starts-dash",
                "ends-dash-",
                ".starts-dot",
                "two..dots",
                "dot.-dash",
                "dash-.dot",
                "192.168.10.1",
                "with space")) {
            register(bucketBody(badName, "CREATE"))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:labgate:problem:validation-failed"))
                    .body("violations.field", hasItem("name"));
        }

        Map<String, Object> negativeQuota = bucketBody(unique("neg"), "CREATE");
        negativeQuota.put("quotaBytes", -1);
        negativeQuota.remove("purpose");
        negativeQuota.remove("mode");
        register(negativeQuota)
                .then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("quotaBytes", "purpose", "mode"))
                .body("requestId", notNullValue());

        Map<String, Object> zeroQuota = bucketBody(unique("zero"), "CREATE");
        zeroQuota.put("quotaBytes", 0);
        register(zeroQuota).then().statusCode(400).body("violations.field", hasItem("quotaBytes"));

        Map<String, Object> unknown = bucketBody(unique("unk"), "CREATE");
        unknown.put("colour", "blue");
        register(unknown).then().statusCode(400).body("violations.field", hasItem("colour"));

        Map<String, Object> wrongEnum = bucketBody(unique("enum"), "CREATE");
        wrongEnum.put("purpose", "SECRET");
        register(wrongEnum).then().statusCode(400).body("violations.field", hasItem("purpose"));

        Map<String, Object> wrongMode = bucketBody(unique("mode"), "CREATE");
        wrongMode.put("mode", "MAYBE");
        register(wrongMode).then().statusCode(400).body("violations.field", hasItem("mode"));

        Map<String, Object> longDescription = bucketBody(unique("desc"), "CREATE");
        longDescription.put("description", "d".repeat(501));
        register(longDescription).then().statusCode(400).body("violations.field", hasItem("description"));
    }

    @Test
    void updatesNeedTheCurrentETag() throws Exception {
        String name = unique("upd");
        makeBucket(name);
        upload(name, "x.bin", 100);
        String id = registerExisting(name, 1000);
        Map<String, Object> change = Map.of(
                "name",
                name,
                "purpose",
                "ARCHIVE",
                "quotaBytes",
                5000,
                "versioning",
                false,
                "encryption",
                true,
                "description",
                "archived");

        as(Tokens.OPERATOR)
                .body(change)
                .put(BUCKETS + "/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(change)
                .put(BUCKETS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("purpose", equalTo("ARCHIVE"))
                .body("quotaBytes", equalTo(5000))
                .body("versioning", equalTo(false))
                .body("encryption", equalTo(true))
                .body("description", equalTo("archived"))
                .body("usedBytes", equalTo(100));
        // a second writer who read version 0 loses
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(change)
                .put(BUCKETS + "/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");

        // the name is immutable; leaving it out is fine
        Map<String, Object> renamed = new java.util.HashMap<>(change);
        renamed.put("name", unique("other"));
        as(Tokens.OPERATOR)
                .header("If-Match", "\"1\"")
                .body(renamed)
                .put(BUCKETS + "/" + id)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("name"));
        Map<String, Object> nameless = new java.util.HashMap<>(change);
        nameless.remove("name");
        nameless.remove("description");
        as(Tokens.OPERATOR)
                .header("If-Match", "\"1\"")
                .body(nameless)
                .put(BUCKETS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("name", equalTo(name))
                .body("description", nullValue());
        // the update body has no mode: registration only
        Map<String, Object> withMode = new java.util.HashMap<>(nameless);
        withMode.put("mode", "CREATE");
        as(Tokens.OPERATOR)
                .header("If-Match", "\"2\"")
                .body(withMode)
                .put(BUCKETS + "/" + id)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("mode"));
        Map<String, Object> badQuota = new java.util.HashMap<>(nameless);
        badQuota.put("quotaBytes", -5);
        as(Tokens.OPERATOR)
                .header("If-Match", "\"2\"")
                .body(badQuota)
                .put(BUCKETS + "/" + id)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("quotaBytes"));
    }

    @Test
    void reconcileCountsObjectsAddedLater() throws Exception {
        String name = unique("rec");
        makeBucket(name);
        upload(name, "first.bin", 1000);
        String id = registerExisting(name, 1_000_000);
        Instant afterFirst = Instant.now();

        upload(name, "second.bin", 234);
        upload(name, "deep/third.bin", 4096);
        as(Tokens.OPERATOR)
                .post(BUCKETS + "/" + id + "/reconcile")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("objectCount", equalTo(3))
                .body("usedBytes", equalTo(5330))
                .body("drift", equalTo("NONE"));
        as(Tokens.AUDITOR).get(BUCKETS + "/" + id).then().statusCode(200).body("usedBytes", equalTo(5330));

        Response samples = as(Tokens.OPERATOR).get(BUCKETS + "/" + id + "/usage-samples");
        samples.then().statusCode(200).body("totalItems", equalTo(2));
        List<Integer> used = samples.path("items.usedBytes");
        assertThat(used).as("newest first").containsExactly(5330, 1000);
        List<String> times = samples.path("items.sampledAt");
        assertThat(times)
                .isSortedAccordingTo(Comparator.comparing(Instant::parse).reversed());

        as(Tokens.OPERATOR)
                .get(BUCKETS + "/" + id + "/usage-samples?from=" + afterFirst)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].usedBytes", equalTo(5330));
        as(Tokens.OPERATOR)
                .get(BUCKETS + "/" + id + "/usage-samples?to=" + afterFirst)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].usedBytes", equalTo(1000));
        as(Tokens.OPERATOR)
                .get(BUCKETS + "/" + id + "/usage-samples?size=1&page=1")
                .then()
                .statusCode(200)
                .body("items[0].usedBytes", equalTo(1000))
                .body("totalPages", equalTo(2));
        as(Tokens.OPERATOR)
                .get(BUCKETS + "/" + id + "/usage-samples?from=" + afterFirst + "&to=" + afterFirst)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("to"));
        as(Tokens.OPERATOR)
                .get(BUCKETS + "/" + id + "/usage-samples?from=yesterday")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void bucketDeletedFromTheStoreDriftsToMissing() throws Exception {
        String name = unique("gone");
        makeBucket(name);
        upload(name, "soon-gone.bin", 300);
        String id = registerExisting(name, 1_000_000);

        deleteFromStore(name);
        as(Tokens.OPERATOR)
                .post(BUCKETS + "/" + id + "/reconcile")
                .then()
                .statusCode(200)
                .body("drift", equalTo("MISSING"))
                .body("objectCount", equalTo(0))
                .body("usedBytes", equalTo(0));
        as(Tokens.AUDITOR)
                .get(BUCKETS + "?drift=MISSING&size=100")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as(Tokens.AUDITOR)
                .get(BUCKETS + "/" + id + "/usage-samples")
                .then()
                .statusCode(200)
                .body("items[0].present", equalTo(false))
                .body("items[1].present", equalTo(true))
                .body("items[1].usedBytes", equalTo(300));
    }

    @Test
    void quotaSmallerThanUsageIsOverQuota() throws Exception {
        String name = unique("full");
        makeBucket(name);
        upload(name, "big.bin", 2000);
        String id = registerExisting(name, 1999);
        as(Tokens.OPERATOR).get(BUCKETS + "/" + id).then().body("drift", equalTo("OVER_QUOTA"));
        as(Tokens.OPERATOR).get(BUCKETS + "?drift=OVER_QUOTA&size=100").then().body("items.id", hasItem(id));

        // raising the quota clears the drift at once; lowering it brings it back
        Map<String, Object> change = Map.of("purpose", "RAW", "quotaBytes", 2000);
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(change)
                .put(BUCKETS + "/" + id)
                .then()
                .statusCode(200)
                .body("drift", equalTo("NONE"));
        upload(name, "one-more.bin", 1);
        as(Tokens.OPERATOR)
                .post(BUCKETS + "/" + id + "/reconcile")
                .then()
                .statusCode(200)
                .body("usedBytes", equalTo(2001))
                .body("drift", equalTo("OVER_QUOTA"));
        as(Tokens.OPERATOR)
                .get(BUCKETS + "/" + id + "/usage-samples")
                .then()
                .body("items[0].quotaBytes", equalTo(2000))
                .body("items[1].quotaBytes", equalTo(1999));
    }

    @Test
    void listIsFilteredAndStablySorted() throws Exception {
        String small = unique("s1");
        String large = unique("s2");
        makeBucket(small);
        makeBucket(large);
        upload(small, "o", 7);
        upload(large, "o", 70_000);
        Map<String, Object> smallBody = bucketBody(small, "REGISTER");
        smallBody.put("purpose", "SANDBOX");
        Map<String, Object> largeBody = bucketBody(large, "REGISTER");
        largeBody.put("purpose", "SANDBOX");
        String smallId = register(smallBody).then().statusCode(201).extract().path("id");
        String largeId = register(largeBody).then().statusCode(201).extract().path("id");

        Response page = as(Tokens.AUDITOR).get(BUCKETS + "?purpose=SANDBOX&sort=usedBytes,desc&size=100");
        page.then().statusCode(200);
        List<Integer> used = page.path("items.usedBytes");
        List<String> ids = page.path("items.id");
        assertThat(used).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ids.indexOf(largeId)).isNotNegative().isLessThan(ids.indexOf(smallId));
        assertThat(page.<List<String>>path("items.purpose")).containsOnly("SANDBOX");

        List<String> names =
                as(Tokens.AUDITOR).get(BUCKETS + "?sort=name&size=100").path("items.name");
        assertThat(names).isSorted();

        as(Tokens.OPERATOR)
                .get(BUCKETS + "?sort=quotaBytes")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("sort"));
        as(Tokens.OPERATOR)
                .get(BUCKETS + "?size=1000")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("size"));
        as(Tokens.OPERATOR)
                .get(BUCKETS + "?drift=SOMETIMES")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void rolesAreEnforced() throws Exception {
        String name = unique("roles");
        makeBucket(name);
        String id = registerExisting(name, 1000);
        String one = BUCKETS + "/" + id;
        Map<String, Object> change = Map.of("purpose", "RAW", "quotaBytes", 2000);

        anonymous()
                .get(BUCKETS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        anonymous()
                .body(bucketBody(unique("anon"), "CREATE"))
                .post(BUCKETS)
                .then()
                .statusCode(401);

        // AI companies and providers never see bucket internals
        for (String outsider : List.of(Tokens.ALICE, Tokens.CAROL)) {
            as(outsider).get(BUCKETS).then().statusCode(403).contentType("application/problem+json");
            as(outsider).get(one).then().statusCode(403);
            as(outsider).get(one + "/usage-samples").then().statusCode(403);
            as(outsider)
                    .body(bucketBody(unique("out"), "CREATE"))
                    .post(BUCKETS)
                    .then()
                    .statusCode(403);
            as(outsider)
                    .header("If-Match", "\"0\"")
                    .body(change)
                    .put(one)
                    .then()
                    .statusCode(403);
            as(outsider).post(one + "/reconcile").then().statusCode(403);
        }

        // auditors read everything and change nothing
        as(Tokens.AUDITOR).get(BUCKETS).then().statusCode(200);
        as(Tokens.AUDITOR).get(one).then().statusCode(200);
        as(Tokens.AUDITOR).get(one + "/usage-samples").then().statusCode(200);
        String auditorsBucket = unique("aud");
        as(Tokens.AUDITOR)
                .body(bucketBody(auditorsBucket, "CREATE"))
                .post(BUCKETS)
                .then()
                .statusCode(403);
        as(Tokens.AUDITOR)
                .header("If-Match", "\"0\"")
                .body(change)
                .put(one)
                .then()
                .statusCode(403);
        as(Tokens.AUDITOR).post(one + "/reconcile").then().statusCode(403);

        assertThat(existsInStore(auditorsBucket)).isFalse();
        as(Tokens.OPERATOR)
                .get(one)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("quotaBytes", equalTo(1000));
    }

    @Test
    void storeFailureIsBadGatewayAndRecordsNothing() throws Exception {
        String name = unique("outage");
        makeBucket(name);
        String id = registerExisting(name, 1000);
        QuarkusMock.installMockForType(new BucketFixtures.StoreFailingFor(name, labGatesMinio), ObjectStore.class);

        as(Tokens.OPERATOR)
                .post(BUCKETS + "/" + id + "/reconcile")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:storage-unavailable"))
                .body("detail", not(containsString("simulated")));
        as(Tokens.OPERATOR).get(BUCKETS + "/" + id).then().header("ETag", "\"0\"");
        as(Tokens.OPERATOR).get(BUCKETS + "/" + id + "/usage-samples").then().body("totalItems", equalTo(1));
    }

    @Test
    void unknownBucketIsNotFound() {
        String missing = BUCKETS + "/" + UUID.randomUUID();
        as(Tokens.OPERATOR).get(missing).then().statusCode(404).contentType("application/problem+json");
        as(Tokens.OPERATOR).post(missing + "/reconcile").then().statusCode(404);
        as(Tokens.OPERATOR).get(missing + "/usage-samples").then().statusCode(404);
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(Map.of("purpose", "RAW", "quotaBytes", 1))
                .put(missing)
                .then()
                .statusCode(404);
        as(Tokens.OPERATOR).get(BUCKETS + "/not-a-uuid").then().statusCode(400);
    }
}
