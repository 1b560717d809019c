package io.gatehouse.remember;

import io.gatehouse.account.AccountRepository;
import io.gatehouse.account.DataAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The remember-me tokens of every account, in the database (docs/decisions/016). A token is 256 random bits; the
 * table keeps only its SHA-256, which is enough for a value that cannot be guessed (no key, no slow hash needed).
 */
@ApplicationScoped
public class RememberedDevices {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;

    @Inject
    public RememberedDevices(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** For the CDI proxy only. */
    protected RememberedDevices() {
        this(null);
    }

    /** A new token for the account, good for {@code lifetime}; the token itself is returned and never stored. */
    public String issue(String username, Duration lifetime) {
        try (Connection connection = dataSource.getConnection()) {
            return issue(connection, accountId(connection, username), lifetime);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Uses a token once: if it counts, it is rotated out and the account's name and a new token come back. A token
     * already rotated out is a copy in someone else's hands, or the owner's: every remembered device of the account
     * ends. Anything else (unknown, ended, expired) is simply empty.
     */
    public Optional<Used> use(String token, Duration lifetime) {
        String hash = hash(token);
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<Used> used = rotate(connection, hash, now, lifetime);
                if (used.isEmpty()) {
                    endAllAfterReuse(connection, hash, now);
                }
                connection.commit();
                return used;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** This device signs out: its token ends. Unknown or ended already: nothing changes. */
    public void end(String token) {
        update("UPDATE remembered_device SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
                Timestamp.from(Instant.now()), hash(token));
    }

    /** Every remembered device of the account ends (sign out everywhere, a changed password). */
    public int endAllOf(String username) {
        return update("UPDATE remembered_device SET ended_at = ? WHERE ended_at IS NULL AND account_id ="
                + " (SELECT id FROM account WHERE username_key = ?)",
                Timestamp.from(Instant.now()), AccountRepository.key(username));
    }

    /** Forgets rows that can no longer matter: expired, so neither usable nor worth detecting as reused. */
    public int sweep(Instant expiredBefore) {
        return update("DELETE FROM remembered_device WHERE expires_at < ?", Timestamp.from(expiredBefore));
    }

    /** The first of two requests showing the same token wins; the second finds it rotated out. */
    private static Optional<Used> rotate(Connection connection, String hash, Instant now, Duration lifetime)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE remembered_device SET rotated_at = ?"
                + " WHERE token_hash = ? AND rotated_at IS NULL AND ended_at IS NULL AND expires_at > ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, hash);
            update.setTimestamp(3, Timestamp.from(now));
            if (update.executeUpdate() != 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT a.id, a.username FROM remembered_device d"
                + " JOIN account a ON a.id = d.account_id WHERE d.token_hash = ?")) {
            select.setString(1, hash);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long account = row.getLong(1);
                String username = row.getString(2);
                return Optional.of(new Used(username, issue(connection, account, lifetime)));
            }
        }
    }

    private static void endAllAfterReuse(Connection connection, String hash, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE remembered_device SET ended_at = ?"
                + " WHERE ended_at IS NULL AND account_id IN"
                + " (SELECT account_id FROM remembered_device WHERE token_hash = ? AND rotated_at IS NOT NULL)")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, hash);
            update.executeUpdate();
        }
    }

    private static String issue(Connection connection, long account, Duration lifetime) throws SQLException {
        String token = newToken();
        Instant now = Instant.now();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO remembered_device"
                + " (account_id, token_hash, issued_at, expires_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, account);
            insert.setString(2, hash(token));
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setTimestamp(4, Timestamp.from(now.plus(lifetime)));
            insert.executeUpdate();
        }
        return token;
    }

    private static long accountId(Connection connection, String username) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM account WHERE username_key = ?")) {
            select.setString(1, AccountRepository.key(username));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no account for a caller who has just signed in");
                }
                return row.getLong(1);
            }
        }
    }

    private int update(String sql, Timestamp at, String value) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setTimestamp(1, at);
            if (value != null) {
                update.setString(2, value);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private int update(String sql, Timestamp at) {
        return update(sql, at, null);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token that counted: whose it was, and the token that replaces it. */
    public record Used(String username, String newToken) {
    }
}
