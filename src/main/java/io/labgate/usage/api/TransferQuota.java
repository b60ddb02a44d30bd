package io.labgate.usage.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The byte quota transfers are charged to, changed inside the usage log's own transaction: a transfer's bytes are
 * reserved in the transaction that commits its TRANSFER_STARTED event, and what it did not send is given back in
 * the transaction of its completion. The quota and the log can then never disagree, also after a crash, and a
 * transfer costs no transaction of its own for its quota. Implemented by the feature that owns the quota.
 */
public interface TransferQuota {

    /** A quota that limits nothing (a log without grants, in tests). */
    TransferQuota NONE = new TransferQuota() {
        @Override
        public boolean reserve(Connection connection, UUID grantId, long bytes) {
            return true;
        }

        @Override
        public void giveBack(Connection connection, UUID grantId, long bytes) {}
    };

    /** Reserves {@code bytes} on the grant on {@code connection}'s transaction; false, changing nothing, when they do not fit. */
    boolean reserve(Connection connection, UUID grantId, long bytes) throws SQLException;

    /** Gives back {@code bytes} reserved on the grant, on {@code connection}'s transaction. */
    void giveBack(Connection connection, UUID grantId, long bytes) throws SQLException;
}
