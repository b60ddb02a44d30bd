package io.labgate.access.grant;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.access.api.GrantLedger;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.TestStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A grant's bytes used belong to the data path, which reserves and gives back bytes with single UPDATEs while the
 * grant may be loaded by a workflow change: that change must never write an older count back.
 */
@QuarkusTest
class GrantBytesUsedTest {

    @Inject
    GrantRepository grants;

    @Inject
    GrantLedger ledger;

    @Inject
    DemoOrganizations demo;

    @Test
    void aGrantChangedWhileATransferReservesBytesKeepsTheReservation() {
        ApprovedGrants.organizations(demo);
        UUID grantId = UUID.fromString(ApprovedGrants.grant(
                        ApprovedGrants.allModes(),
                        Map.of("d/a.bin", TestStore.bytes(1, 10)),
                        List.of("STREAM"),
                        Duration.ofDays(1))
                .grantId());

        QuarkusTransaction.requiringNew().run(() -> {
            AccessGrant grant = grants.findById(grantId);
            reserveElsewhere(grantId, 7);
            grant.updatedAt = Instant.now();
        });

        assertThat(ledger.byteUsage(grantId).used())
                .as("the transfer's reservation")
                .isEqualTo(7);
    }

    /** A reservation committed on another connection, as the data path makes it. */
    private static void reserveElsewhere(UUID grantId, long bytes) {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st =
                        db.prepareStatement("UPDATE access_grant SET bytes_used = bytes_used + ? WHERE id = ?")) {
            st.setLong(1, bytes);
            st.setObject(2, grantId);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
