package io.labgate.access;

import static io.labgate.testing.Api.as;

import io.labgate.testing.AccessRequestBodies;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.Tokens;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Steps of the access workflow over HTTP, for tests. */
final class AccessFlows {

    static final String REQUESTS = "/api/v1/access-requests";
    static final String GRANTS = "/api/v1/grants";

    private AccessFlows() {}

    /** A valid body for these versions: RESEARCH, 30 days from now, STREAM, the current terms. */
    static Map<String, Object> body(String... versionIds) {
        return AccessRequestBodies.of(versionIds);
    }

    static Response submit(String user, Map<String, Object> body) {
        return as(user).body(body).post(REQUESTS);
    }

    /** Submits as this user and answers the new request's id (201 expected). */
    static String submitted(String user, Map<String, Object> body) {
        return submit(user, body).then().statusCode(201).extract().path("id");
    }

    static Response consent(String provider, String requestId, String datasetId, String decision, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        return as(provider).body(body).post(REQUESTS + "/" + requestId + "/consents/" + datasetId);
    }

    static Response decide(String user, String requestId, boolean approve, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("approve", approve);
        if (reason != null) {
            body.put("reason", reason);
        }
        return as(user).body(body).post(REQUESTS + "/" + requestId + "/decision");
    }

    static String status(String requestId) {
        return as(Tokens.OPERATOR)
                .get(REQUESTS + "/" + requestId)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    /** Approves as the operator and answers the ids of the grants the request got. */
    static List<String> approve(String requestId) {
        return ApprovedGrants.approveAsOperator(requestId, "fits the programme");
    }

    static List<String> grantsOf(String requestId) {
        return as(Tokens.OPERATOR)
                .get(GRANTS + "?requestId=" + requestId + "&sort=createdAt")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }

    static Response grant(String user, String grantId) {
        return as(user).get(GRANTS + "/" + grantId);
    }

    static Response grantAction(String user, String grantId, String action, Map<String, Object> body) {
        return as(user).body(body).post(GRANTS + "/" + grantId + "/" + action);
    }
}
