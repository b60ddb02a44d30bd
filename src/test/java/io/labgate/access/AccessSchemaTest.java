package io.labgate.access;

import static io.labgate.access.AccessFlows.body;
import static io.labgate.access.AccessFlows.submitted;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.PublishedDatasets.Published;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules of the access workflow that the database keeps, whatever code writes to it. */
@QuarkusTest
class AccessSchemaTest {

    @Inject
    DemoOrganizations demo;

    @Test
    void databaseRefusesGrantsAndChangesThatBreakTheRules() throws Exception {
        demo.ensure(DemoOrganizations.ALPHA);
        demo.ensure(DemoOrganizations.JEJU);
        PublishedDatasets.active(DemoOrganizations.ALPHA);
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("consentRequired", false);
        Published data = PublishedDatasets.publish(terms, List.of(DemoOrganizations.JEJU), List.of());
        String requestId = submitted(Tokens.ALICE, body(data.versionId()));
        String grantId = AccessFlows.approve(requestId).get(0);

        try (Connection db = PublishedDatasets.database()) {
            String insertGrant = "INSERT INTO access_grant (id, request_id, organization_id, dataset_version_id, "
                    + "dataset_id, policy_id, access_modes, valid_from, valid_until, status, byte_quota, created_at, "
                    + "updated_at) VALUES (gen_random_uuid(), '" + requestId + "', '" + DemoOrganizations.ALPHA
                    + "', '" + data.versionId() + "', '" + data.datasetId() + "', '" + data.policyId() + "', %s, "
                    + "now(), %s, %s, 100, now(), now())";
            // a second grant for the same request and version: never a second set
            assertRefused(
                    db,
                    insertGrant.formatted("'{STREAM}'", "now() + interval '1 day'", "'ACTIVE'"),
                    "access_grant_request_version_key");
            assertRefused(
                    db,
                    "UPDATE access_grant SET valid_until = valid_from WHERE id = '" + grantId + "'",
                    "access_grant_period_valid");
            assertRefused(
                    db,
                    "UPDATE access_grant SET access_modes = '{FTP}' WHERE id = '" + grantId + "'",
                    "access_grant_modes_valid");
            assertRefused(
                    db,
                    "UPDATE access_grant SET status = 'REVOKED', status_reason = NULL WHERE id = '" + grantId + "'",
                    "access_grant_ended_has_reason");
            // an extension records both ends, and only ever moves the end later
            assertRefused(
                    db,
                    "INSERT INTO grant_change (id, grant_id, action, actor, old_valid_until, "
                            + "new_valid_until, at) VALUES (gen_random_uuid(), '" + grantId
                            + "', 'EXTENDED', 'x', now(), "
                            + "now() - interval '1 day', now())",
                    "grant_change_extension_recorded");
            assertRefused(
                    db,
                    "UPDATE access_request SET status = 'APPROVED', decided_at = NULL WHERE id = '" + requestId + "'",
                    "access_request_decision_complete");
            assertRefused(
                    db,
                    "INSERT INTO consent (id, request_id, dataset_id, provider_org_id, decision, "
                            + "created_at) VALUES (gen_random_uuid(), '" + requestId + "', '" + data.datasetId()
                            + "', '"
                            + DemoOrganizations.JEJU + "', 'GRANTED', now())",
                    "consent_decision_complete");
            assertRefused(
                    db,
                    "INSERT INTO provider_exclusion (provider_org_id, excluded_org_id, reason, "
                            + "created_by, created_at) VALUES ('" + DemoOrganizations.JEJU + "', '"
                            + DemoOrganizations.JEJU
                            + "', 'self', 'x', now())",
                    "provider_exclusion_not_self");
        }
    }

    private static void assertRefused(Connection db, String sql, String rule) {
        assertThatThrownBy(() -> {
                    try (PreparedStatement statement = db.prepareStatement(sql)) {
                        statement.executeUpdate();
                    }
                })
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(rule);
    }
}
