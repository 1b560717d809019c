package io.gatehouse.session;

import io.gatehouse.account.Account;
import io.gatehouse.account.DataAccessException;
import io.gatehouse.database.Statements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;

import static io.gatehouse.database.Statements.execute;
import static io.gatehouse.database.Statements.inTransaction;
import static io.gatehouse.account.AccountRepository.key;

/**
 * The signed-in sessions of every node, in the database (docs/decisions/015). A session is named here by its
 * {@link SessionIdHash}, never its id. Times that decide who is still signed in are the database's own clock, so
 * that nodes whose clocks differ still agree.
 */
@ApplicationScoped
public class SessionRegistry {

    /**
     * Ended, or signed in before the account's "sessions valid after", or unknown: all the same, not live. The same
     * read brings the account, which the page then need not read again.
     */
    private static final String STANDING = "SELECT s.ended_at IS NULL"
            + " AND (a.sessions_valid_after IS NULL OR s.valid_from >= a.sessions_valid_after),"
            + " a.username, a.created_at"
            + " FROM live_session s JOIN account a ON a.id = s.account_id"
            + " WHERE s.session_hash = ? AND a.username_key = ?";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;

    @Inject
    public SessionRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** For the CDI proxy only. */
    protected SessionRegistry() {
        this(null);
    }

    /** Adds a signed-in session and returns its handle; a row left under the same hash is replaced. */
    public String register(String username, String sessionHash, String ip, String userAgent, String node) {
        String handle = newHandle();
        int added = inTransaction(dataSource, connection -> {
            execute(connection, "DELETE FROM live_session WHERE session_hash = ?", sessionHash);
            return execute(connection, "INSERT INTO live_session (account_id, session_hash, handle,"
                    + " signed_in_at, valid_from, last_seen_at, ip, user_agent, node)"
                    + " SELECT id, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, ?"
                    + " FROM account WHERE username_key = ?",
                    sessionHash, handle, ip, cut(userAgent, 512), cut(node, 128), key(username));
        });
        if (added != 1) {
            throw new IllegalStateException("no account for a session that just signed in");
        }
        return handle;
    }

    /** The per-request check, one indexed read: the session's account while the session is live, else empty. */
    public Optional<Account> liveAccount(String sessionHash, String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(STANDING)) {
            select.setString(1, sessionHash);
            select.setString(2, key(username));
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1)
                        ? Optional.of(new Account(row.getString(2), row.getTimestamp(3).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    public boolean isLive(String sessionHash, String username) {
        return liveAccount(sessionHash, username).isPresent();
    }

    public void seen(String sessionHash) {
        update("UPDATE live_session SET last_seen_at = CURRENT_TIMESTAMP WHERE session_hash = ? AND ended_at IS NULL",
                sessionHash);
    }

    /** The session got a new id: same sign-in, new name. */
    public void rekey(String oldHash, String newHash) {
        update("UPDATE live_session SET session_hash = ? WHERE session_hash = ? AND ended_at IS NULL", newHash, oldHash);
    }

    /** Ends a session's row once; a second ending, from another request or node, changes nothing. */
    public void end(String sessionHash, String reason) {
        update("UPDATE live_session SET ended_at = CURRENT_TIMESTAMP, end_reason = ?"
                + " WHERE session_hash = ? AND ended_at IS NULL", reason, sessionHash);
    }

    /** A node starting again: what it held died with it. */
    public int endAllOf(String node) {
        return update("UPDATE live_session SET ended_at = CURRENT_TIMESTAMP, end_reason = 'node-restarted'"
                + " WHERE node = ? AND ended_at IS NULL", cut(node, 128));
    }

    /** Ends rows whose sessions must have timed out, and forgets rows ended before {@code forgetEndedBefore}. */
    public int sweep(Instant idleBefore, Instant signedInBefore, Instant forgetEndedBefore) {
        int ended = update("UPDATE live_session SET ended_at = CURRENT_TIMESTAMP, end_reason = 'expired'"
                + " WHERE ended_at IS NULL AND (last_seen_at < ? OR signed_in_at < ?)",
                Timestamp.from(idleBefore), Timestamp.from(signedInBefore));
        return ended + update("DELETE FROM live_session WHERE ended_at < ?", Timestamp.from(forgetEndedBefore));
    }

    private int update(String sql, Object... parameters) {
        return Statements.update(dataSource, sql, parameters);
    }

    private static String newHandle() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
