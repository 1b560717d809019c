package io.gatehouse.session;

import io.gatehouse.account.DataAccessException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * The name the registry gives a session: HMAC-SHA256 of its id. The key is drawn once, by whichever node starts
 * first, and kept in the database, so every node computes the same name, after any restart; a copy of the table
 * without the key cannot be matched against cookies (docs/decisions/015).
 */
@ApplicationScoped
public class SessionIdHash {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private SecretKeySpec key;

    @Inject
    public SessionIdHash(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** For the CDI proxy only. */
    protected SessionIdHash() {
        this(null);
    }

    @PostConstruct
    void open() {
        key = new SecretKeySpec(HexFormat.of().parseHex(storedSecret()), "HmacSHA256");
    }

    public String of(String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two nodes starting at once may both draw a key: the first insert wins, and both read the winner. */
    private String storedSecret() {
        try (Connection connection = dataSource.getConnection()) {
            String secret = read(connection);
            if (secret != null) {
                return secret;
            }
            byte[] drawn = new byte[32];
            new SecureRandom().nextBytes(drawn);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO registry_key (id, secret) VALUES (1, ?)")) {
                insert.setString(1, HexFormat.of().formatHex(drawn));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
            return read(connection);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static String read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT secret FROM registry_key WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }
}
