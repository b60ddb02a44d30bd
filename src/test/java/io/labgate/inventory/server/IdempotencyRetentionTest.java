package io.labgate.inventory.server;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.platform.idempotency.IdempotencyPurgeJob;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stored Idempotency-Key answers are forgotten after the retention, and only those. */
@QuarkusTest
class IdempotencyRetentionTest {

    private static final String SERVERS = "/api/v1/servers";

    @Inject
    IdempotencyPurgeJob purge;

    @Test
    void recordsOlderThanTheCutoffAreForgottenNewerOnesStillReplay() throws Exception {
        String oldKey = "old-" + UUID.randomUUID();
        Map<String, Object> oldBody = LabServerResourceTest.gpuServer(LabServerResourceTest.unique("idem-old"));
        create(oldKey, oldBody).then().statusCode(201);
        Thread.sleep(20);
        Instant cutoff = Instant.now();
        Thread.sleep(20);
        String newKey = "new-" + UUID.randomUUID();
        Map<String, Object> newBody = LabServerResourceTest.gpuServer(LabServerResourceTest.unique("idem-new"));
        String second = create(newKey, newBody).then().statusCode(201).extract().path("id");

        assertThat(purge.purgeCreatedBefore(cutoff)).isPositive();

        // the newer answer is still replayed
        Response replay = create(newKey, newBody);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(replay.<String>path("id")).isEqualTo(second);
        // the older one is forgotten: the same key and body are a new request (here refused as a duplicate
        // hostname, proving it ran again instead of replaying the stored 201)
        Response again = create(oldKey, oldBody);
        assertThat(again.getHeader("Idempotent-Replayed")).isNull();
        assertThat(again.statusCode()).isNotEqualTo(201).isBetween(400, 499);
    }

    private static Response create(String key, Map<String, Object> body) {
        return as(Tokens.OPERATOR).header("Idempotency-Key", key).body(body).post(SERVERS);
    }
}
