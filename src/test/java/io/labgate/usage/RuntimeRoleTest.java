package io.labgate.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.devlab.EmbeddedLabTestResource;
import io.labgate.devlab.EmbeddedPostgresServer;
import io.labgate.testing.PublishedDatasets;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LabGate runs as a role that owns nothing (security review M5): with its own credentials nobody can switch the
 * usage log's triggers off, detach or drop a partition, or change or remove an event; it can read and append, and
 * it can use every other table (so a migration that forgets to grant on a new table fails here).
 */
@QuarkusTest
class RuntimeRoleTest {

    private static Connection asLabGate() throws SQLException {
        return DriverManager.getConnection(
                EmbeddedLabTestResource.lab().postgres().jdbcUrl("labgate"),
                EmbeddedPostgresServer.APP,
                EmbeddedPostgresServer.APP_PASSWORD);
    }

    @Test
    void theRuntimeRoleCannotSwitchTheLogsTriggersOffNorDetachAPartition() throws SQLException {
        try (Connection db = asLabGate();
                Statement s = db.createStatement()) {
            for (String attack : List.of(
                    "ALTER TABLE usage_event DISABLE TRIGGER ALL",
                    "ALTER TABLE usage_event_default DISABLE TRIGGER ALL",
                    "ALTER TABLE usage_event DETACH PARTITION usage_event_default",
                    "DROP TABLE usage_event_default",
                    "CREATE TRIGGER sneak BEFORE INSERT ON usage_event FOR EACH ROW "
                            + "EXECUTE FUNCTION usage_event_refuse_change()",
                    "UPDATE usage_event SET bytes = 0 WHERE false",
                    "DELETE FROM usage_event WHERE false",
                    "TRUNCATE usage_event",
                    "SET session_replication_role = replica")) {
                assertThatThrownBy(() -> s.execute(attack))
                        .as(attack)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                                .as(attack + ": " + e.getMessage())
                                .isIn("42501", "42P01")); // insufficient privilege (or owner), never done
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM usage_event")) {
                assertThat(rs.next()).as("it reads the log").isTrue();
            }
        }
    }

    @Test
    void theRuntimeRoleOwnsNothingAndMayUseEveryOtherTable() throws SQLException {
        String app = EmbeddedPostgresServer.APP;
        List<String> wrong = new ArrayList<>();
        try (Connection db = PublishedDatasets.database();
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT c.relname, pg_get_userbyid(c.relowner), "
                        + "has_table_privilege('" + app + "', c.oid, 'SELECT'), "
                        + "has_table_privilege('" + app + "', c.oid, 'INSERT'), "
                        + "has_table_privilege('" + app + "', c.oid, 'UPDATE'), "
                        + "has_table_privilege('" + app + "', c.oid, 'DELETE'), "
                        + "has_table_privilege('" + app + "', c.oid, 'TRUNCATE'), "
                        + "has_table_privilege('" + app + "', c.oid, 'TRIGGER') "
                        + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
                        + "AND c.relname <> 'flyway_schema_history'")) {
            while (rs.next()) {
                String table = rs.getString(1);
                assertThat(rs.getString(2)).as("owner of " + table).isNotEqualTo(app);
                boolean readAppend = rs.getBoolean(3) && rs.getBoolean(4);
                boolean change = rs.getBoolean(5) && rs.getBoolean(6);
                boolean never = !rs.getBoolean(7) && !rs.getBoolean(8);
                boolean appendOnly = table.equals("usage_event")
                        || table.equals("usage_checkpoint")
                        || table.equals("export_review");
                // the log, its checkpoints and the export reviews' record: read and append only; every other table:
                // read and write
                boolean ok = never && readAppend && (appendOnly ? !rs.getBoolean(5) && !rs.getBoolean(6) : change);
                if (!ok) {
                    wrong.add(table);
                }
            }
        }
        assertThat(wrong)
                .as("tables whose grants to the runtime role are wrong")
                .isEmpty();
    }
}
