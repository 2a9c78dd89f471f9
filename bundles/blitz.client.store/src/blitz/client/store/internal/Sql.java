// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Positional parameter binding and row mapping for the store's plain JDBC statements, so each SQL
 * statement is written once with its parameters beside it. The per-row loops of the bulk path bind
 * their columns themselves: boxing every value there would cost throughput.
 */
final class Sql {
    /** Reads one row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    /**
     * Sets the parameters of a statement in order: {@link Long}, {@link Integer}, {@link Double},
     * {@link Boolean} and {@link String} values. @return the statement
     */
    static PreparedStatement bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            int position = i + 1;
            Object value = parameters[i];
            if (value instanceof Long number) {
                statement.setLong(position, number);
            } else if (value instanceof Integer number) {
                statement.setInt(position, number);
            } else if (value instanceof Double number) {
                statement.setDouble(position, number);
            } else if (value instanceof Boolean flag) {
                statement.setBoolean(position, flag);
            } else if (value instanceof String text) {
                statement.setString(position, text);
            } else {
                throw new IllegalArgumentException("cannot bind parameter " + position + ": " + value);
            }
        }
        return statement;
    }

    /** Runs an INSERT, UPDATE or DELETE. @return the rows it changed */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return bind(statement, parameters).executeUpdate();
        }
    }

    /** @return every row of a query, in the order it returns them */
    static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return list(bind(statement, parameters), row);
        }
    }

    /** @return every row of an already bound statement, which stays open for more runs */
    static <T> List<T> list(PreparedStatement statement, Row<T> row) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(row.read(rs));
            }
        }
        return rows;
    }

    /** @return the first row of a query, empty when it returns none or {@code row} reads it as {@code null} */
    static <T> Optional<T> first(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            try (ResultSet rs = bind(statement, parameters).executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
            }
        }
    }
}
