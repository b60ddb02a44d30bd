package io.labgate.notify;

import static io.labgate.testing.Api.as;

import io.labgate.testing.AccessRequestBodies;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.BusinessRegistrationNumbers;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.Tokens;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Organizations, requests and outbox look-ups of the email tests, all made through the API or plain JDBC. */
final class EmailFixtures {

    static final String EMAILS = "/api/v1/notifications/emails";

    private EmailFixtures() {}

    /** A provider organization of this test alone, so no other test's mails reach its address. */
    record Org(UUID id, String email, String contactName) {}

    static Org provider() {
        String suffix = PublishedDatasets.suffix();
        String email = "provider-" + suffix + "@mail.labgate.test";
        String name = "담당자 " + suffix;
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "DATA_PROVIDER");
        body.put("name", "Mail test provider " + suffix);
        body.put("businessRegistrationNumber", BusinessRegistrationNumbers.random());
        body.put("contactEmail", email);
        body.put("contactName", name);
        UUID id = UUID.fromString(as(Tokens.OPERATOR)
                .body(body)
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        PublishedDatasets.active(id);
        return new Org(id, email, name);
    }

    /** Alice (Alpha) applies for these versions for ten days, STREAM; answers the request id. */
    static String submit(String... versionIds) {
        Map<String, Object> body =
                AccessRequestBodies.of(List.of(versionIds), Instant.now().plus(Duration.ofDays(1)), List.of("STREAM"));
        body.put("projectTitle", "메일 시험 Mail test " + PublishedDatasets.suffix());
        return as(Tokens.ALICE)
                .body(body)
                .post("/api/v1/access-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Approves as the operator (the request must be UNDER_REVIEW); answers its only grant's id. */
    static String approve(String requestId) {
        return ApprovedGrants.approveAsOperator(requestId, "mail test").get(0);
    }

    /** The email outbox as an operator lists it, for one address. */
    static JsonPath emailsTo(String address) {
        return as(Tokens.OPERATOR)
                .get(EMAILS + "?size=100&sort=createdAt&recipient=" + address)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Makes the pending rows to this address due now, as if their backoff or lease had passed. */
    static void makeDue(String address) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st =
                        db.prepareStatement("UPDATE email_outbox SET next_attempt_at = now() - interval '1 second' "
                                + "WHERE recipient_email = ? AND delivered_at IS NULL AND NOT dead")) {
            st.setString(1, address);
            st.executeUpdate();
        }
    }

    /** Outbox rows of one event about one request or grant (payload field {@code field} = {@code id}). */
    static int rows(String eventType, String field, String id) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement(
                        "SELECT count(*) FROM email_outbox WHERE event_type = ? AND payload ->> ? = ?")) {
            st.setString(1, eventType);
            st.setString(2, field);
            st.setString(3, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
