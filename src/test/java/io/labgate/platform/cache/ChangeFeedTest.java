package io.labgate.platform.cache;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.labgate.access.api.GrantLedger;
import io.labgate.policy.api.AccessMode;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data path's caches and the feed that keeps them true: a grant read once is served from memory, a change
 * committed anywhere (here: by plain SQL, as another replica would) is forgotten within a second, a change that
 * announces nothing is read again after {@code labgate.cache.max-age} (3 s in tests), and a broken feed session
 * turns the caches off and empties them.
 */
@QuarkusTest
class ChangeFeedTest {

    @Inject
    GrantLedger ledger;

    @Inject
    ChangeFeed feed;

    @Inject
    DemoOrganizations demo;

    @BeforeEach
    void organizations() {
        ApprovedGrants.organizations(demo);
        await().atMost(Duration.ofSeconds(5)).until(feed::live);
    }

    private UUID grant() {
        return UUID.fromString(ApprovedGrants.grant(
                        ApprovedGrants.allModes(),
                        Map.of("d/a.bin", TestStore.bytes(1, 10)),
                        List.of("STREAM"),
                        Duration.ofDays(1))
                .grantId());
    }

    private boolean usable(UUID grantId) {
        return ledger.check(grantId, DemoOrganizations.ALPHA, AccessMode.STREAM)
                .orElseThrow()
                .usable();
    }

    @Test
    void aGrantSuspendedByAnotherReplicaIsRefusedHereWithinASecond() throws SQLException {
        UUID grantId = grant();
        assertThat(usable(grantId)).isTrue();

        sql("UPDATE access_grant SET status = 'SUSPENDED', status_reason = 'feed test' WHERE id = ?", grantId);
        long changed = System.nanoTime();
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> !usable(grantId));
        assertThat(Duration.ofNanos(System.nanoTime() - changed)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aGrantIsServedFromMemoryUntilAChangeIsAnnouncedOrItsMaximumAgePassed() throws SQLException {
        UUID grantId = grant();
        assertThat(usable(grantId)).isTrue();

        // a change that announces nothing (its trigger off) is not seen at once: the grant is kept in memory...
        silently("UPDATE access_grant SET status = 'SUSPENDED', status_reason = 'unannounced' WHERE id = ?", grantId);
        assertThat(usable(grantId)).as("served from memory").isTrue();
        // ...and read again at the latest after the maximum age
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !usable(grantId));
    }

    @Test
    void thisReplicasOwnChangeIsSeenByItsNextRequest() {
        UUID grantId = grant();
        assertThat(usable(grantId)).isTrue();
        as(Tokens.OPERATOR)
                .body(Map.of("reason", "own change"))
                .post("/api/v1/grants/" + grantId + "/revoke")
                .then()
                .statusCode(200);
        assertThat(usable(grantId))
                .as("forgotten when the revocation committed, not when the feed hears it")
                .isFalse();
    }

    @Test
    void aBrokenFeedSessionTurnsTheCachesOffAndEmptiesThemUntilItListensAgain() throws SQLException {
        UUID grantId = grant();
        assertThat(usable(grantId)).isTrue();

        sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?", "labgate-change-feed");
        // a change made while nobody listened is never served stale: the caches were emptied
        silently("UPDATE access_grant SET status = 'SUSPENDED', status_reason = 'while deaf' WHERE id = ?", grantId);
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !usable(grantId));
        await().atMost(Duration.ofSeconds(5)).until(feed::live);
        assertThat(usable(grantId)).isFalse();
    }

    private static void sql(String statement, Object parameter) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement(statement)) {
            st.setObject(1, parameter);
            st.execute();
        }
    }

    /** Runs the update with the grant's change announcement off, in one transaction. */
    private static void silently(String update, UUID grantId) throws SQLException {
        try (Connection db = PublishedDatasets.database()) {
            db.setAutoCommit(false);
            try (Statement off = db.createStatement()) {
                off.execute("ALTER TABLE access_grant DISABLE TRIGGER access_grant_notify_change");
            }
            try (PreparedStatement st = db.prepareStatement(update)) {
                st.setObject(1, grantId);
                st.executeUpdate();
            }
            try (Statement on = db.createStatement()) {
                on.execute("ALTER TABLE access_grant ENABLE TRIGGER access_grant_notify_change");
            }
            db.commit();
        }
    }
}
