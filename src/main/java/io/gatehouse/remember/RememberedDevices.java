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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import static io.gatehouse.database.Statements.execute;
import static io.gatehouse.database.Statements.inTransaction;
import static io.gatehouse.database.Statements.prepare;
import static io.gatehouse.database.Statements.update;

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
    public String issue(String username, Duration lifetime, Client client) {
        try (Connection connection = dataSource.getConnection()) {
            return issue(connection, accountId(connection, username), newHandle(), lifetime, client);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Uses a token once: if it counts, it is rotated out and the account's name and a new token come back. A token
     * already rotated out is a copy in someone else's hands, or the owner's: every remembered device of the account
     * ends. Anything else (unknown, ended, expired) is simply empty.
     */
    public Optional<Used> use(String token, Duration lifetime, Client client) {
        String hash = hash(token);
        Instant now = Instant.now();
        return inTransaction(dataSource, connection -> {
            Optional<Used> used = rotate(connection, hash, now, lifetime, client);
            if (used.isEmpty()) {
                execute(connection, "UPDATE remembered_device SET ended_at = ? WHERE ended_at IS NULL AND account_id IN"
                        + " (SELECT account_id FROM remembered_device WHERE token_hash = ? AND rotated_at IS NOT NULL)",
                        Timestamp.from(now), hash);
            }
            return used;
        });
    }

    /** This device signs out: its token ends. Unknown or ended already: nothing changes. */
    public void end(String token) {
        update(dataSource, "UPDATE remembered_device SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
                Timestamp.from(Instant.now()), hash(token));
    }

    /** The account's remembered devices whose token still counts, the one used most recently first. */
    public List<Device> list(String username) {
        String sql = "SELECT d.device, d.issued_at, d.ip, d.user_agent FROM remembered_device d"
                + " JOIN account a ON a.id = d.account_id WHERE a.username_key = ?"
                + " AND d.rotated_at IS NULL AND d.ended_at IS NULL AND d.expires_at > ? ORDER BY d.issued_at DESC";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = prepare(connection, sql, AccountRepository.key(username),
                     Timestamp.from(Instant.now()))) {
            List<Device> devices = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    devices.add(new Device(row.getString(1), row.getTimestamp(2).toInstant(), row.getString(3),
                            row.getString(4)));
                }
            }
            return devices;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Ends one remembered device of this account; false if the handle names none that counts (another's, made up). */
    public boolean end(String username, String device) {
        Timestamp now = Timestamp.from(Instant.now());
        return update(dataSource, "UPDATE remembered_device SET ended_at = ? WHERE device = ? AND ended_at IS NULL"
                + " AND rotated_at IS NULL AND expires_at > ? AND account_id = (SELECT id FROM account WHERE username_key = ?)",
                now, device, now, AccountRepository.key(username)) == 1;
    }

    /** Every remembered device of the account ends (sign out everywhere, a changed password). */
    public int endAllOf(String username) {
        return update(dataSource, "UPDATE remembered_device SET ended_at = ? WHERE ended_at IS NULL AND account_id ="
                + " (SELECT id FROM account WHERE username_key = ?)",
                Timestamp.from(Instant.now()), AccountRepository.key(username));
    }

    /** Forgets rows that can no longer matter: expired, so neither usable nor worth detecting as reused. */
    public int sweep(Instant expiredBefore) {
        return update(dataSource, "DELETE FROM remembered_device WHERE expires_at < ?", Timestamp.from(expiredBefore));
    }

    /** The first of two requests showing the same token wins; the second finds it rotated out. */
    private static Optional<Used> rotate(Connection connection, String hash, Instant now, Duration lifetime,
                                         Client client) throws SQLException {
        if (execute(connection, "UPDATE remembered_device SET rotated_at = ? WHERE token_hash = ?"
                + " AND rotated_at IS NULL AND ended_at IS NULL AND expires_at > ?",
                Timestamp.from(now), hash, Timestamp.from(now)) != 1) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT a.id, a.username, d.device FROM remembered_device d"
                + " JOIN account a ON a.id = d.account_id WHERE d.token_hash = ?")) {
            select.setString(1, hash);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long account = row.getLong(1);
                String username = row.getString(2);
                return Optional.of(new Used(username, issue(connection, account, row.getString(3), lifetime, client)));
            }
        }
    }

    private static String issue(Connection connection, long account, String device, Duration lifetime, Client client)
            throws SQLException {
        String token = newToken();
        Instant now = Instant.now();
        String userAgent = client.userAgent() == null || client.userAgent().length() <= 512
                ? client.userAgent() : client.userAgent().substring(0, 512);
        execute(connection, "INSERT INTO remembered_device (account_id, token_hash, device, ip, user_agent, issued_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)", account, hash(token), device, client.ip(), userAgent,
                Timestamp.from(now), Timestamp.from(now.plus(lifetime)));
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

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newToken() {
        return random(32);
    }

    private static String newHandle() {
        return random(16);
    }

    private static String random(int bytes) {
        byte[] drawn = new byte[bytes];
        RANDOM.nextBytes(drawn);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(drawn);
    }

    /** The request a token is issued to: its address as the app sees it, and its User-Agent. */
    public record Client(String ip, String userAgent) {
    }

    /** A remembered device as /account/sessions lists it: {@code handle} is what its "Sign out" button posts. */
    public record Device(String handle, Instant lastUsedAt, String ip, String userAgent) {
    }

    /** A token that counted: whose it was, and the token that replaces it. */
    public record Used(String username, String newToken) {
    }
}
