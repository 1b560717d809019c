package io.gatehouse.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.database.Migrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The repository's behaviour, which must be the same on every database we support: each subclass supplies a
 * new, empty database for each test, and the schema comes from the application's own migrations.
 */
abstract class AccountRepositoryTest {

    private static final String HASH = "PBKDF2WithHmacSHA512:220000:c2FsdA==:a2V5";

    private HikariDataSource dataSource;
    private AccountRepository accounts;

    /** A pool configuration for a database that nothing has touched yet. */
    abstract HikariConfig emptyDatabase() throws Exception;

    @BeforeEach
    void openAndMigrate() throws Exception {
        dataSource = new HikariDataSource(emptyDatabase());
        Migrations.migrate(dataSource);
        accounts = new AccountRepository(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aCreatedAccountIsFoundWithItsPasswordHash() throws Exception {
        Account created = accounts.create("alice", HASH);

        assertEquals(Optional.of(created), accounts.find("alice"));
        assertEquals(Optional.of(new StoredPassword("alice", HASH)), accounts.findPassword("alice"));
        assertTrue(accounts.exists("alice"));
    }

    @Test
    void anUnknownNameIsNotFound() throws Exception {
        accounts.create("alice", HASH);

        assertFalse(accounts.exists("bob"));
        assertEquals(Optional.empty(), accounts.find("bob"));
        assertEquals(Optional.empty(), accounts.findPassword("bob"));
    }

    @Test
    void tellsWhetherAnyPasswordHashBeginsOtherwiseThanAPrefix() throws Exception {
        assertFalse(accounts.holdsPasswordHashesOtherThan("PBKDF2WithHmacSHA512:1024:"), "no accounts at all");
        accounts.create("alice", "PBKDF2WithHmacSHA512:1024:c2FsdA==:a2V5");
        assertFalse(accounts.holdsPasswordHashesOtherThan("PBKDF2WithHmacSHA512:1024:"));

        accounts.create("bob", HASH);

        assertTrue(accounts.holdsPasswordHashesOtherThan("PBKDF2WithHmacSHA512:1024:"));
        assertTrue(accounts.holdsPasswordHashesOtherThan("PBKDF2WithHmacSHA512:220000:"));
    }

    @Test
    void aPasswordHashIsReplacedOnlyIfItIsStillTheOneThatWasVerified() throws Exception {
        accounts.create("Alice", HASH);

        assertFalse(accounts.replacePasswordHash("alice", "some other hash", "$argon2id$new"), "a changed password wins");
        assertEquals(HASH, accounts.findPassword("alice").orElseThrow().passwordHash());
        assertFalse(accounts.replacePasswordHash("bob", HASH, "$argon2id$new"), "no such account");

        assertTrue(accounts.replacePasswordHash("ALICE", HASH, "$argon2id$new"));
        assertEquals(new StoredPassword("Alice", "$argon2id$new"), accounts.findPassword("alice").orElseThrow());
        assertFalse(accounts.replacePasswordHash("alice", HASH, "$argon2id$newer"), "only once");
    }

    @Test
    void creationTimeIsKeptToTheMillisecond() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Account created = accounts.create("alice", HASH);
        Instant after = Instant.now();

        Instant stored = accounts.find("alice").orElseThrow().createdAt();
        assertEquals(created.createdAt(), stored);
        assertFalse(stored.isBefore(before) || stored.isAfter(after), stored + " not in [" + before + ", " + after + "]");
    }

    @Test
    void nameIsUniqueWithoutRegardToCase() throws Exception {
        accounts.create("Alice", HASH);

        assertThrows(UsernameTakenException.class, () -> accounts.create("alice", HASH));
        assertThrows(UsernameTakenException.class, () -> accounts.create("ALICE", HASH));
        assertEquals(1, rowCount());
    }

    @Test
    void nameIsFoundInAnyCaseAndKeepsTheCaseItWasRegisteredWith() throws Exception {
        accounts.create("Alice", HASH);

        assertTrue(accounts.exists("ALICE"));
        assertEquals("Alice", accounts.find("aLiCe").orElseThrow().username());
        assertEquals("Alice", accounts.findPassword("alice").orElseThrow().username());
    }

    @Test
    void ofTwentyRacingSignUpsForOneNameExactlyOneWins() throws Exception {
        int racers = 20;
        CountDownLatch go = new CountDownLatch(1);
        Callable<Boolean> signUp = () -> {
            go.await();
            try {
                accounts.create("alice", HASH);
                return true;
            } catch (UsernameTakenException e) {
                return false;
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        List<Boolean> won = new ArrayList<>();
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                outcomes.add(threads.submit(signUp));
            }
            go.countDown();
            for (Future<Boolean> outcome : outcomes) {
                won.add(outcome.get()); // any other failure, such as a DataAccessException, fails the test here
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(1, won.stream().filter(w -> w).count(), "winners");
        assertEquals(racers - 1, won.stream().filter(w -> !w).count(), "told the name is taken");
        assertEquals(1, rowCount());
    }

    @Test
    void migratingAnUpToDateDatabaseChangesNothing() throws Exception {
        accounts.create("alice", HASH);
        List<String> applied = appliedMigrations();

        Migrations.migrate(dataSource);

        assertFalse(applied.isEmpty());
        assertEquals(applied, appliedMigrations());
        assertTrue(accounts.exists("alice"));
    }

    private int rowCount() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM account")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Flyway's own record, one line per migration it has run: the same list means it ran nothing. */
    private List<String> appliedMigrations() throws SQLException {
        String sql = "SELECT \"installed_rank\", \"version\", \"checksum\", \"success\" "
                + "FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"";
        List<String> applied = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                applied.add(row.getInt(1) + " " + row.getString(2) + " " + row.getInt(3) + " " + row.getBoolean(4));
            }
        }
        return applied;
    }
}
