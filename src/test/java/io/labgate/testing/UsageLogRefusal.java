package io.labgate.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Makes the real usage log refuse one action until closed: a CHECK constraint on usage_event ({@code NOT VALID},
 * so existing rows are not looked at). A write of that action then fails as a data error, as a broken database
 * would fail it.
 */
public final class UsageLogRefusal implements AutoCloseable {

    private final String table;
    private final String name;

    private UsageLogRefusal(String table, String name) {
        this.table = table;
        this.name = name;
    }

    public static UsageLogRefusal refuse(String action) throws SQLException {
        return refuse("usage_event", action);
    }

    /** The same on the outbox, where events written with a business change go first (V21). */
    public static UsageLogRefusal refuseWithChange(String action) throws SQLException {
        return refuse("usage_outbox", action);
    }

    private static UsageLogRefusal refuse(String table, String action) throws SQLException {
        String name = "test_refuse_" + action.toLowerCase(Locale.ROOT);
        try (Connection db = PublishedDatasets.database();
                Statement st = db.createStatement()) {
            st.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " CHECK (action <> '" + action
                    + "') NOT VALID");
        }
        return new UsageLogRefusal(table, name);
    }

    @Override
    public void close() throws SQLException {
        try (Connection db = PublishedDatasets.database();
                Statement st = db.createStatement()) {
            st.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
        }
    }
}
