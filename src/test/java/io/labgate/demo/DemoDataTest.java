package io.labgate.demo;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.labgate.devlab.EmbeddedLabTestResource;
import io.labgate.testing.Tokens;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The demo lab of the embedded default, loaded into the real components and seen through the API. */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demoData;

    @Test
    void demoLabLoadsOnceAndIsUsableByItsUsers() throws Exception {
        demoData.load();
        demoData.load(); // a restart of the embedded default loads nothing twice

        List<String> hostnames = as(Tokens.ALICE)
                .get("/api/v1/servers?size=100")
                .then()
                .statusCode(200)
                .extract()
                .path("items.hostname");
        assertThat(hostnames).containsOnlyOnce("gpu-01.lab.internal", "cpu-01.lab.internal");

        // (other test classes may have registered the demo organizations first, under other names)
        as(Tokens.ALICE)
                .get("/api/v1/organizations/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(DemoData.ALPHA_AI.toString()))
                .body("kind", equalTo("AI_COMPANY"));
        as(Tokens.CAROL).get("/api/v1/organizations/me").then().statusCode(200).body("kind", equalTo("DATA_PROVIDER"));
        as(Tokens.AUDITOR)
                .get("/api/v1/industries")
                .then()
                .statusCode(200)
                .body("items.code", hasItems("SMART_FARM", "AQUACULTURE"));
        as(Tokens.AUDITOR)
                .get("/api/v1/ai-technologies?size=100")
                .then()
                .statusCode(200)
                .body("items.code", hasItems("VISION", "SPEECH", "NLP", "FORECAST", "ANOMALY"));
        as(Tokens.BOB)
                .get("/api/v1/policies/standard-deid")
                .then()
                .statusCode(200)
                .body("consentRequired", equalTo(true));

        // the dataset objects are really in the store, and the bucket's reconcile saw them
        var s3 = EmbeddedLabTestResource.lab().s3();
        MinioClient minio = MinioClient.builder()
                .endpoint(s3.endpoint())
                .credentials(s3.accessKey(), s3.secretKey())
                .region("us-east-1")
                .build();
        long objects = StreamSupport.stream(
                        minio.listObjects(ListObjectsArgs.builder()
                                        .bucket(DemoData.PROCESSED_BUCKET)
                                        .recursive(true)
                                        .build())
                                .spliterator(),
                        false)
                .filter(result -> {
                    try {
                        // S3Proxy's filesystem store also lists its folders as keys ending in '/'
                        return !result.get().objectName().endsWith("/");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
        assertThat(objects).isEqualTo(13);
        as(Tokens.OPERATOR)
                .get("/api/v1/buckets?purpose=PROCESSED&size=100")
                .then()
                .statusCode(200)
                .body("items.find { it.name == 'labgate-processed' }.objectCount", equalTo(13));
        as(Tokens.OPERATOR)
                .get("/api/v1/buckets?purpose=RAW&size=100")
                .then()
                .statusCode(200)
                .body("items.name", hasItems("labgate-raw"));

        // two published dataset versions an AI company can find, with manifests of the uploaded objects
        List<String> codes = as(Tokens.ALICE)
                .get("/api/v1/datasets?size=100")
                .then()
                .statusCode(200)
                .extract()
                .path("items.code");
        assertThat(codes).containsOnlyOnce("jeju-crop-disease-images", "fish-farm-sounds");
        String cropId = as(Tokens.ALICE)
                .get("/api/v1/datasets?q=jeju-crop-disease-images")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        String versionId = as(Tokens.ALICE)
                .get("/api/v1/datasets/" + cropId + "/versions")
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("PUBLISHED"))
                .extract()
                .path("items[0].id");
        as(Tokens.ALICE)
                .get("/api/v1/datasets/" + cropId + "/versions/" + versionId + "/objects?size=100")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(8));
    }
}
