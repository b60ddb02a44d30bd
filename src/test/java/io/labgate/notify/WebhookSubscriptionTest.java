package io.labgate.notify;

import static io.labgate.testing.Api.anonymous;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Webhook subscriptions over HTTP: create (secret once), read, list, deactivate; validation; operators only. */
@QuarkusTest
class WebhookSubscriptionTest {

    static final String WEBHOOKS = "/api/v1/webhooks";

    @Test
    void operatorCreatesReadsListsAndDeactivates() {
        var created = as(Tokens.OPERATOR)
                .body(Map.of(
                        "url",
                        "https://hooks.example.org/labgate",
                        "eventTypes",
                        List.of("GRANT_REVOKED", "REQUEST_SUBMITTED", "GRANT_REVOKED"),
                        "description",
                        "ops chat"))
                .post(WEBHOOKS)
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .header("Location", startsWith("http"))
                .body("secret", startsWith("whsec_"))
                .body("subscription.active", equalTo(true))
                .body("subscription.eventTypes", equalTo(List.of("REQUEST_SUBMITTED", "GRANT_REVOKED")))
                .extract()
                .jsonPath();
        String id = created.getString("subscription.id");
        String secret = created.getString("secret");
        assertThat(secret).hasSizeGreaterThan(40);

        String one = as(Tokens.OPERATOR)
                .get(WEBHOOKS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("url", equalTo("https://hooks.example.org/labgate"))
                .body("description", equalTo("ops chat"))
                .extract()
                .asString();
        assertThat(one).doesNotContain(secret).doesNotContain("secret");
        String list = as(Tokens.OPERATOR)
                .get(WEBHOOKS + "?active=true&size=100&sort=createdAt,desc")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .extract()
                .asString();
        assertThat(list).doesNotContain(secret);

        as(Tokens.OPERATOR)
                .delete(WEBHOOKS + "/" + id)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("deactivatedBy", notNullValue());
        as(Tokens.OPERATOR).delete(WEBHOOKS + "/" + id).then().statusCode(200).body("active", equalTo(false));
        as(Tokens.OPERATOR)
                .get(WEBHOOKS + "?active=true&size=100&sort=createdAt,desc")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        as(Tokens.OPERATOR)
                .get(WEBHOOKS + "/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void badSubscriptionsAreProblemsNot500s() {
        for (String url : List.of(
                "ftp://hooks.example.org/x",
                "file:///etc/passwd",
                "not a url",
                "https://user:pw@hooks.example.org/x",
                "http:///nohost",
                "javascript:alert(1)")) {
            as(Tokens.OPERATOR)
                    .body(Map.of("url", url, "eventTypes", List.of("REQUEST_SUBMITTED")))
                    .post(WEBHOOKS)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        as(Tokens.OPERATOR)
                .body(Map.of("url", "https://hooks.example.org/x", "eventTypes", List.of()))
                .post(WEBHOOKS)
                .then()
                .statusCode(400);
        as(Tokens.OPERATOR)
                .body(Map.of("url", "https://hooks.example.org/x", "eventTypes", List.of("NOPE")))
                .post(WEBHOOKS)
                .then()
                .statusCode(400);
        as(Tokens.OPERATOR)
                .get(WEBHOOKS + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("detail", notNullValue());
        as(Tokens.OPERATOR).delete(WEBHOOKS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void onlyOperatorsManageWebhooks() {
        Map<String, Object> body =
                Map.of("url", "https://hooks.example.org/x", "eventTypes", List.of("REQUEST_SUBMITTED"));
        anonymous().body(body).post(WEBHOOKS).then().statusCode(401);
        anonymous().get(WEBHOOKS).then().statusCode(401);
        for (String user : List.of(Tokens.AUDITOR, Tokens.ALICE, Tokens.CAROL)) {
            as(user).body(body).post(WEBHOOKS).then().statusCode(403);
            as(user).get(WEBHOOKS).then().statusCode(403);
        }
        String id = as(Tokens.OPERATOR)
                .body(body)
                .post(WEBHOOKS)
                .then()
                .statusCode(201)
                .extract()
                .path("subscription.id");
        for (String user : List.of(Tokens.AUDITOR, Tokens.ALICE, Tokens.CAROL)) {
            as(user).get(WEBHOOKS + "/" + id).then().statusCode(403);
            as(user).get(WEBHOOKS + "/" + id + "/deliveries").then().statusCode(403);
            as(user).delete(WEBHOOKS + "/" + id).then().statusCode(403);
        }
        as(Tokens.OPERATOR)
                .get(WEBHOOKS + "/" + id)
                .then()
                .statusCode(200)
                .body("active", equalTo(true))
                .body("secret", nullValue());
        as(Tokens.OPERATOR).delete(WEBHOOKS + "/" + id).then().statusCode(200);
    }
}
