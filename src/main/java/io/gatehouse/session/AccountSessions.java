package io.gatehouse.session;

import io.gatehouse.account.DataAccessException;
import io.gatehouse.database.Statements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static io.gatehouse.database.Statements.execute;
import static io.gatehouse.database.Statements.inTransaction;
import static io.gatehouse.account.AccountRepository.key;

/**
 * One account's sessions in the registry: listed, and ended one by one or all but one. Every statement is bound to
 * the account, so a handle of another account changes nothing.
 */
@ApplicationScoped
public class AccountSessions {

    private static final String ACCOUNT = "(SELECT id FROM account WHERE username_key = ?)";

    private final DataSource dataSource;

    @Inject
    public AccountSessions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** For the CDI proxy only. */
    protected AccountSessions() {
        this(null);
    }

    /** The live sessions, the one seen most recently first. */
    public List<LiveSession> list(String username) {
        String sql = "SELECT s.handle, s.signed_in_at, s.last_seen_at, s.ip, s.user_agent"
                + " FROM live_session s JOIN account a ON a.id = s.account_id"
                + " WHERE a.username_key = ? AND s.ended_at IS NULL"
                + " AND (a.sessions_valid_after IS NULL OR s.valid_from >= a.sessions_valid_after)"
                + " ORDER BY s.last_seen_at DESC, s.id DESC";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = Statements.prepare(connection, sql, key(username));
             ResultSet row = select.executeQuery()) {
            List<LiveSession> sessions = new ArrayList<>();
            while (row.next()) {
                sessions.add(new LiveSession(row.getString(1), row.getTimestamp(2).toInstant(),
                        row.getTimestamp(3).toInstant(), row.getString(4), row.getString(5)));
            }
            return sessions;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Ends the account's session of this handle; false if it has none live (another's, made up, or ended). */
    public boolean end(String username, String handle, String reason) {
        return Statements.update(dataSource, "UPDATE live_session SET ended_at = CURRENT_TIMESTAMP,"
                + " end_reason = ? WHERE handle = ? AND ended_at IS NULL AND account_id = " + ACCOUNT,
                reason, handle, key(username)) == 1;
    }

    /**
     * Ends every session of the account but the one named {@code keptHash}, and moves the account's "sessions valid
     * after" to now: a sign-in racing this one either registered before it, and is ended here or refused by that
     * instant, or after it, and lives on whole. The kept session is made valid from the same instant.
     * Returns the handles of the sessions it ended.
     */
    public List<String> endAllBut(String username, String keptHash, String reason) {
        return inTransaction(dataSource, connection -> {
            List<String> ended = new ArrayList<>();
            try (PreparedStatement select = Statements.prepare(connection, "SELECT handle FROM live_session"
                    + " WHERE session_hash <> ? AND ended_at IS NULL AND account_id = " + ACCOUNT, keptHash, key(username));
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ended.add(row.getString(1));
                }
            }
            execute(connection, "UPDATE account SET sessions_valid_after = CURRENT_TIMESTAMP WHERE username_key = ?",
                    key(username));
            execute(connection, "UPDATE live_session SET valid_from = CURRENT_TIMESTAMP"
                    + " WHERE session_hash = ? AND ended_at IS NULL AND account_id = " + ACCOUNT,
                    keptHash, key(username));
            execute(connection, "UPDATE live_session SET ended_at = CURRENT_TIMESTAMP, end_reason = ?"
                    + " WHERE session_hash <> ? AND ended_at IS NULL AND account_id = " + ACCOUNT,
                    reason, keptHash, key(username));
            return ended;
        });
    }
}
