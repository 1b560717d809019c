package io.gatehouse.testing;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The password hashes in the stories' database ({@link PostgresForStories}), read and written behind the server's
 * back, for the stories of accounts made before Argon2id: an operator's upgrade, as it finds them.
 */
public final class StoredHashes {

    private StoredHashes() {
    }

    /** A hash as Gatehouse stored every password before Argon2id: Soteria's PBKDF2-SHA512, 220,000 iterations. */
    public static String pbkdf2(String password) {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 220_000, 64 * 8)).getEncoded();
            return "PBKDF2WithHmacSHA512:220000:" + Base64.getEncoder().encodeToString(salt) + ":"
                    + Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String of(String username) {
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT password_hash FROM account WHERE username_key = ?")) {
            select.setString(1, username.toLowerCase(Locale.ROOT));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no account " + username);
                }
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void replace(String username, String hash) {
        try (Connection connection = connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE account SET password_hash = ? WHERE username_key = ?")) {
            update.setString(1, hash);
            update.setString(2, username.toLowerCase(Locale.ROOT));
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no account " + username);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        String url = System.getProperty("gatehouse.db.url");
        assumeTrue(url != null, "the stories run on a database of their own only with -Dgatehouse.it.database=postgres");
        return DriverManager.getConnection(url, System.getProperty("gatehouse.db.user"), System.getProperty("gatehouse.db.password", ""));
    }
}
