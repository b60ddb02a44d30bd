package io.labgate.platform.db;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * One SQL statement committed on its own, with plain JDBC on an autocommit connection, outside any transaction of
 * the caller (suspended meanwhile). For the statements the data path runs on every request (a rate token, a byte
 * reservation): there, opening a JPA session and a JTA transaction costs more than the statement itself.
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
        List<Integer> order = new ArrayList<>();
        Matcher m = NUMBERED.matcher(sql);
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)));
        }
        String jdbc = NUMBERED.matcher(sql).replaceAll("?");
        return QuarkusTransaction.suspendingExisting().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(jdbc)) {
                for (int i = 0; i < order.size(); i++) {
                    statement.setObject(i + 1, parameters[order.get(i) - 1]);
                }
                return execution.execute(statement);
            }
        });
    }
}
