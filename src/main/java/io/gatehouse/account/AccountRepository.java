package io.gatehouse.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** Accounts in the database, through plain JDBC. Names are matched without regard to case. */
@ApplicationScoped
public class AccountRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    @Inject
    public AccountRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** For the CDI proxy only. */
    protected AccountRepository() {
        this(null);
    }

    public Account create(String username, String passwordHash) throws UsernameTakenException {
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String sql = "INSERT INTO account (username, username_key, password_hash, created_at) VALUES (?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, username);
            insert.setString(2, key(username));
            insert.setString(3, passwordHash);
            insert.setTimestamp(4, Timestamp.from(createdAt));
            insert.executeUpdate();
            return new Account(username, createdAt);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new UsernameTakenException(username);
            }
            throw new DataAccessException(e);
        }
    }

    public boolean exists(String username) {
        return query("SELECT 1 FROM account WHERE username_key = ?", key(username), row -> true).isPresent();
    }

    public Optional<Account> find(String username) {
        return query("SELECT username, created_at FROM account WHERE username_key = ?", key(username),
                row -> new Account(row.getString(1), row.getTimestamp(2).toInstant()));
    }

    public Optional<StoredPassword> findPassword(String username) {
        return query("SELECT username, password_hash FROM account WHERE username_key = ?", key(username),
                row -> new StoredPassword(row.getString(1), row.getString(2)));
    }

    /**
     * Replaces an account's password hash only if it is still {@code verified}, the one a sign-in just checked: a
     * password changed in the meantime wins. Returns whether it was replaced.
     */
    public boolean replacePasswordHash(String username, String verified, String replacement) {
        return update("UPDATE account SET password_hash = ? WHERE username_key = ? AND password_hash = ?",
                replacement, key(username), verified) == 1;
    }

    /** The new hash, and every session signed in before now is over (see the session registry). */
    public boolean changePassword(String username, String passwordHash) {
        return update("UPDATE account SET password_hash = ?, sessions_valid_after = CURRENT_TIMESTAMP"
                + " WHERE username_key = ?", passwordHash, key(username)) == 1;
    }

    /** Whether any account's password hash does not begin with {@code prefix}. */
    public boolean holdsPasswordHashesOtherThan(String prefix) {
        return query("SELECT 1 FROM account WHERE password_hash NOT LIKE ? LIMIT 1", prefix + "%", row -> true)
                .isPresent();
    }

    private int update(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setString(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private <T> Optional<T> query(String sql, String parameter, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(mapper.map(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** username_key: the name as the database matches it, without regard to case. */
    public static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
