package io.labgate.platform.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed contract ({@value #CONTRACT}) is the document the running service serves at {@code /q/openapi}:
 * clients are generated from it, {@code .ci/run} lints it, and this test fails as soon as the code documents
 * something else. After a deliberate change of the API, refresh it with
 * {@code ./mvnw test -Dtest=OpenApiContractTest -Dlabgate.openapi.write=true} and commit the difference.
 */
@QuarkusTest
class OpenApiContractTest {

    static final String CONTRACT = "docs/openapi.yaml";

    @Test
    void theCommittedContractIsTheServedDocument() throws IOException {
        String served = given().accept("application/yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Path contract = Path.of(CONTRACT);
        if (Boolean.getBoolean("labgate.openapi.write")) {
            Files.writeString(contract, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(contract))
                .as(CONTRACT + " exists; write it with -Dlabgate.openapi.write=true")
                .isTrue();
        assertThat(served)
                .as("/q/openapi differs from " + CONTRACT + ": after a deliberate API change refresh it with "
                        + "./mvnw test -Dtest=OpenApiContractTest -Dlabgate.openapi.write=true and commit it")
                .isEqualTo(Files.readString(contract, StandardCharsets.UTF_8));
    }
}
