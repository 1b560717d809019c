package io.gatehouse.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.database.Database;
import io.gatehouse.database.Migrations;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a successful sign-in does to the stored hash, on an H2 file as the application runs by default. */
class PasswordRenewalTest {

    private static final String PASSWORD = "correct horse battery staple";

    private HikariDataSource dataSource;
    private AccountRepository accounts;
    private PasswordHasher hasher;
    private PasswordRenewal renewal;

    @BeforeEach
    void emptyDatabase() {
        Path file = Path.of("target", "h2-renewal-tests", UUID.randomUUID().toString()).toAbsolutePath();
        dataSource = new HikariDataSource(Database.poolConfig("jdbc:h2:file:" + file, "", ""));
        Migrations.migrate(dataSource);
        accounts = new AccountRepository(dataSource);
        hasher = new PasswordHasher(new Pbkdf2PasswordHashImpl(), Argon2Cost.DEFAULT);
        renewal = new PasswordRenewal(accounts, hasher);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    private static String pbkdf2() {
        Pbkdf2PasswordHashImpl old = new Pbkdf2PasswordHashImpl();
        old.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "220000", "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        return old.generate(PASSWORD.toCharArray());
    }

    private String storedHash() {
        return accounts.findPassword("alice").orElseThrow().passwordHash();
    }

    @Test
    void aPbkdf2HashBecomesArgon2idThatTheSamePasswordMatches() throws Exception {
        accounts.create("alice", pbkdf2());
        StoredPassword before = accounts.findPassword("alice").orElseThrow();

        renewal.afterSignIn(before, PASSWORD);

        assertTrue(storedHash().startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), storedHash());
        assertTrue(hasher.verify(PASSWORD, storedHash()));
    }

    @Test
    void aHashAtLowerSettingsIsRaised() throws Exception {
        accounts.create("alice", hasher.hash(PASSWORD));
        PasswordHasher raised = new PasswordHasher(new Pbkdf2PasswordHashImpl(), new Argon2Cost(19_456, 3, 1));

        new PasswordRenewal(accounts, raised).afterSignIn(accounts.findPassword("alice").orElseThrow(), PASSWORD);

        assertTrue(storedHash().startsWith("$argon2id$v=19$m=19456,t=3,p=1$"), storedHash());
    }

    @Test
    void aHashAtTodaysCostStaysAsItIs() throws Exception {
        String hash = hasher.hash(PASSWORD);
        accounts.create("alice", hash);

        renewal.afterSignIn(accounts.findPassword("alice").orElseThrow(), PASSWORD);

        assertEquals(hash, storedHash());
    }

    @Test
    void aPasswordChangedSinceTheVerificationWins() throws Exception {
        accounts.create("alice", pbkdf2());
        StoredPassword verified = accounts.findPassword("alice").orElseThrow();
        String changed = hasher.hash("a new password chosen meanwhile");
        assertTrue(accounts.replacePasswordHash("alice", verified.passwordHash(), changed));

        renewal.afterSignIn(verified, PASSWORD);

        assertEquals(changed, storedHash());
    }
}
