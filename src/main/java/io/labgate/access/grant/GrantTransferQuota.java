package io.labgate.access.grant;

import io.labgate.usage.api.TransferQuota;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A grant's byte quota as the usage log charges transfers to it, in the transactions of their TRANSFER_STARTED and
 * completion events: one conditional UPDATE reserves (so concurrent transfers on any number of replicas never take
 * more than the quota together), one gives back what was not sent.
 */
@ApplicationScoped
class GrantTransferQuota implements TransferQuota {

    @Override
    public boolean reserve(Connection connection, UUID grantId, long bytes) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE access_grant SET bytes_used = bytes_used + ? WHERE id = ? AND bytes_used + ? <= byte_quota")) {
            update.setLong(1, bytes);
            update.setObject(2, grantId);
            update.setLong(3, bytes);
            return update.executeUpdate() > 0;
        }
    }

    @Override
    public void giveBack(Connection connection, UUID grantId, long bytes) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE access_grant SET bytes_used = bytes_used - ? WHERE id = ?")) {
            update.setLong(1, bytes);
            update.setObject(2, grantId);
            update.executeUpdate();
        }
    }
}
