package io.gatehouse.security;

import io.gatehouse.account.DataAccessException;
import io.gatehouse.database.Statements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static io.gatehouse.database.Statements.execute;
import static io.gatehouse.database.Statements.inTransaction;
import static io.gatehouse.database.Statements.prepare;

/**
 * The sign-in throttle's failure counts, in the database, so that every node over it counts the same failures
 * (docs/decisions/023). A count is raised by an UPDATE that reads and writes its row at once, so failures on two
 * nodes at the same instant both count. Every time is the database's clock, which all nodes share.
 */
@ApplicationScoped
public class SignInFailures {

    private static final String UNIQUE_VIOLATION = "23505";
    /** Two requests adding a key's first failure at once: the loser starts again and finds the row. */
    private static final int TRIES = 3;
    private static final String OLDER_THAN = "CURRENT_TIMESTAMP - CAST(? AS INTEGER) * INTERVAL '1' SECOND";

    private final DataSource dataSource;

    @Inject
    public SignInFailures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** For the CDI proxy only. */
    protected SignInFailures() {
        this(null);
    }

    /** The counts under these keys, as far as there are any: one indexed read. */
    public Map<String, Count> read(List<String> keys) {
        String sql = "SELECT throttle_key, failures, last_failed_at, CURRENT_TIMESTAMP FROM sign_in_failure"
                + " WHERE throttle_key IN (" + String.join(", ", keys.stream().map(key -> "?").toList()) + ")";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = prepare(connection, sql, keys.toArray())) {
            Map<String, Count> counts = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), new Count(row.getInt(2), instant(row, 3), instant(row, 4)));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * One more failure under each key, all or none. A count whose last failure is more than {@code forgetAfter} ago
     * starts again from one. Keys are locked in the order given (the throttle gives the account's before the
     * address's), so two of these never wait for each other in a circle.
     */
    public void add(List<String> keys, Duration forgetAfter) {
        for (int tried = 1; ; tried++) {
            try {
                inTransaction(dataSource, connection -> {
                    for (String key : keys) {
                        add(connection, key, forgetAfter);
                    }
                    return null;
                });
                return;
            } catch (DataAccessException e) {
                if (tried == TRIES || !(e.getCause() instanceof SQLException cause)
                        || !UNIQUE_VIOLATION.equals(cause.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    /** The key's count is gone, as if it never failed. */
    public void forget(String key) {
        Statements.update(dataSource, "DELETE FROM sign_in_failure WHERE throttle_key = ?", key);
    }

    /** Deletes the counts whose last failure is more than {@code forgetAfter} ago: they count for nothing. */
    public int sweep(Duration forgetAfter) {
        return Statements.update(dataSource, "DELETE FROM sign_in_failure WHERE last_failed_at < " + OLDER_THAN,
                forgetAfter.toSeconds());
    }

    private static void add(Connection connection, String key, Duration forgetAfter) throws SQLException {
        int raised = execute(connection, "UPDATE sign_in_failure SET failures = CASE WHEN last_failed_at < "
                + OLDER_THAN + " THEN 1 ELSE failures + 1 END, last_failed_at = CURRENT_TIMESTAMP"
                + " WHERE throttle_key = ?", forgetAfter.toSeconds(), key);
        if (raised == 0) {
            execute(connection, "INSERT INTO sign_in_failure (throttle_key, failures, last_failed_at)"
                    + " VALUES (?, 1, CURRENT_TIMESTAMP)", key);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** A key's count as read: how many failures, the latest, and the database's time when it was read. */
    public record Count(int failures, Instant lastFailedAt, Instant readAt) {
    }
}
