package io.gatehouse.history;

import io.gatehouse.account.DataAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static io.gatehouse.account.AccountRepository.key;
import static io.gatehouse.database.Statements.execute;
import static io.gatehouse.database.Statements.prepare;

/**
 * Each account's events, in the database. Recording one also forgets that account's events older than 90 days
 * beyond its latest 50, so the history keeps itself trimmed with no job to run. An unknown name records nothing.
 */
@ApplicationScoped
public class AccountHistory {

    static final int SHOWN = 50;
    static final Duration KEPT = Duration.ofDays(90);

    private static final String ACCOUNT = "(SELECT id FROM account WHERE username_key = ?)";

    private final DataSource dataSource;

    @Inject
    public AccountHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** For the CDI proxy only. */
    protected AccountHistory() {
        this(null);
    }

    public void record(String username, EventKind kind, String ip, String userAgent) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO account_event"
                    + " (account_id, occurred_at, kind, ip, user_agent) SELECT id, CURRENT_TIMESTAMP, ?, ?, ?"
                    + " FROM account WHERE username_key = ?")) {
                insert.setString(1, kind.name());
                insert.setString(2, ip);
                insert.setString(3, userAgent == null || userAgent.length() <= 512 ? userAgent : userAgent.substring(0, 512));
                insert.setString(4, key(username));
                if (insert.executeUpdate() == 0) {
                    return;
                }
            }
            forgetOld(connection, username);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** The latest {@value #SHOWN} events, newest first. */
    public List<HistoryEntry> latest(String username) {
        String sql = "SELECT occurred_at, kind, ip, user_agent FROM account_event WHERE account_id = " + ACCOUNT
                + " ORDER BY id DESC FETCH FIRST " + SHOWN + " ROWS ONLY";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key(username));
            try (ResultSet row = select.executeQuery()) {
                List<HistoryEntry> entries = new ArrayList<>();
                while (row.next()) {
                    entries.add(new HistoryEntry(row.getTimestamp(1).toInstant(), EventKind.valueOf(row.getString(2)),
                            row.getString(3), row.getString(4)));
                }
                return entries;
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Forgets the account's events older than {@link #KEPT}, but for those among its latest {@value #SHOWN}. It reads
     * the old events (by account_event_account_time) and at most {@value #SHOWN} newer ones, never the whole history,
     * which an account signing in all day would otherwise make longer, and each of its sign-ins slower, than the last.
     */
    private static void forgetOld(Connection connection, String username) throws SQLException {
        Timestamp keptFrom = Timestamp.from(Instant.now().minus(KEPT));
        List<Long> old = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, "SELECT id FROM account_event WHERE account_id = " + ACCOUNT
                + " AND occurred_at < ? ORDER BY id DESC", key(username), keptFrom);
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                old.add(row.getLong(1));
            }
        }
        if (old.isEmpty()) {
            return;
        }
        int newer;
        try (PreparedStatement count = prepare(connection, "SELECT COUNT(*) FROM (SELECT id FROM account_event"
                + " WHERE account_id = " + ACCOUNT + " AND id > ? FETCH FIRST " + SHOWN + " ROWS ONLY) newer",
                key(username), old.get(0));
             ResultSet row = count.executeQuery()) {
            row.next();
            newer = row.getInt(1);
        }
        int oldStillShown = Math.max(0, SHOWN - newer);
        if (oldStillShown < old.size()) {
            execute(connection, "DELETE FROM account_event WHERE account_id = " + ACCOUNT
                    + " AND occurred_at < ? AND id <= ?", key(username), keptFrom, old.get(oldStillShown));
        }
    }
}
