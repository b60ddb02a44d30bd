package io.labgate.platform.db;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * One SQL statement committed on its own, with plain JDBC on an autocommit connection, outside any transaction of
 * the caller (suspended meanwhile). For the statements the data path runs on every request (the grant, the
 * organization's status and the access key it reads, a rate token, a byte reservation): there, opening a JPA
 * session and a JTA transaction costs more than the statement itself.
 *
 * <p>Parameters are written {@code ?1}, {@code ?2}, ... and may repeat, as in JPA native queries.
 */
@ApplicationScoped
public class ShortStatements {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    /** A row of the answer, read while the statement's result is open. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** A statement's JDBC text and, for each {@code ?} in it, the number of the parameter it takes. */
    private record Numbered(String jdbc, int[] order) {

        static Numbered of(String sql) {
            return new Numbered(
                    NUMBERED.matcher(sql).replaceAll("?"),
                    NUMBERED.matcher(sql)
                            .results()
                            .mapToInt(m -> Integer.parseInt(m.group(1)))
                            .toArray());
        }
    }

    /** The callers' statements are constants: each is parsed once. */
    private final Map<String, Numbered> parsed = new ConcurrentHashMap<>();

    @Inject
    DataSource dataSource;

    /** Runs a statement that answers one row (a query, or DML with RETURNING); null when it answers none. */
    public <T> T queryOne(String sql, RowReader<T> reader, Object... parameters) {
        return run(sql, parameters, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? reader.read(rs) : null;
            }
        });
    }

    /** Runs an INSERT, UPDATE or DELETE; answers the rows it changed. */
    public int update(String sql, Object... parameters) {
        return run(sql, parameters, PreparedStatement::executeUpdate);
    }

    @FunctionalInterface
    private interface Execution<T> {
        T execute(PreparedStatement statement) throws SQLException;
    }

    private <T> T run(String sql, Object[] parameters, Execution<T> execution) {
        Numbered numbered = parsed.computeIfAbsent(sql, Numbered::of);
        return QuarkusTransaction.suspendingExisting().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(numbered.jdbc())) {
                for (int i = 0; i < numbered.order().length; i++) {
                    statement.setObject(i + 1, parameters[numbered.order()[i] - 1]);
                }
                return execution.execute(statement);
            }
        });
    }
}
