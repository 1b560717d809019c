package io.gatehouse.remember;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.account.AccountRepository;
import io.gatehouse.database.Migrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Remember-me tokens, the same on every database: each subclass supplies a new, empty database per test. */
abstract class RememberedDevicesTest {

    private static final String HASH = "PBKDF2WithHmacSHA512:220000:c2FsdA==:a2V5";
    private static final Duration MONTH = Duration.ofDays(30);
    private static final RememberedDevices.Client CLIENT = new RememberedDevices.Client("203.0.113.7", "Firefox");

    private HikariDataSource dataSource;
    private RememberedDevices devices;

    abstract HikariConfig emptyDatabase() throws Exception;

    @BeforeEach
    void openAndMigrate() throws Exception {
        dataSource = new HikariDataSource(emptyDatabase());
        Migrations.migrate(dataSource);
        new AccountRepository(dataSource).create("Alice", HASH);
        new AccountRepository(dataSource).create("bob", HASH);
        devices = new RememberedDevices(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aTokenIsUsedOnceAndReplacedByAnotherOfTheSameAccount() {
        String token = devices.issue("alice", MONTH, CLIENT);

        RememberedDevices.Used used = devices.use(token, MONTH, CLIENT).orElseThrow();

        assertEquals("Alice", used.username(), "the name as registered");
        assertNotEquals(token, used.newToken());
        assertTrue(used.newToken().length() >= 43, "256 bits, base64url");
        assertEquals("Alice", devices.use(used.newToken(), MONTH, CLIENT).orElseThrow().username());
    }

    @Test
    void onlyTheHashIsStored() throws SQLException {
        String token = devices.issue("alice", MONTH, CLIENT);

        assertEquals(RememberedDevices.hash(token), single("SELECT token_hash FROM remembered_device"));
        assertNotEquals(token, RememberedDevices.hash(token));
    }

    @Test
    void aRotatedOutTokenShownAgainEndsEveryTokenOfThatAccountOnly() {
        String first = devices.issue("alice", MONTH, CLIENT);
        String otherDevice = devices.issue("alice", MONTH, CLIENT);
        String bobs = devices.issue("bob", MONTH, CLIENT);
        String fresh = devices.use(first, MONTH, CLIENT).orElseThrow().newToken();

        assertTrue(devices.use(first, MONTH, CLIENT).isEmpty());

        assertTrue(devices.use(fresh, MONTH, CLIENT).isEmpty(), "the fresh token ended");
        assertTrue(devices.use(otherDevice, MONTH, CLIENT).isEmpty(), "every device of the account ended");
        assertTrue(devices.use(bobs, MONTH, CLIENT).isPresent(), "another account's untouched");
    }

    @Test
    void unknownEndedAndExpiredTokensCountForNothingAndEndNothing() {
        String kept = devices.issue("alice", MONTH, CLIENT);
        String ended = devices.issue("alice", MONTH, CLIENT);
        devices.end(ended);
        String expired = devices.issue("alice", Duration.ofMillis(-1), CLIENT);

        assertTrue(devices.use("made-up", MONTH, CLIENT).isEmpty());
        assertTrue(devices.use(ended, MONTH, CLIENT).isEmpty());
        assertTrue(devices.use(expired, MONTH, CLIENT).isEmpty());

        assertTrue(devices.use(kept, MONTH, CLIENT).isPresent(), "none of those was a reuse");
    }

    @Test
    void aDeviceIsListedUnderOneHandleAcrossRotationsAndEndedByItsOwnAccountOnly() {
        String token = devices.issue("alice", MONTH, CLIENT);
        devices.issue("bob", MONTH, CLIENT);
        String handle = devices.list("alice").get(0).handle();
        String rotated = devices.use(token, MONTH, new RememberedDevices.Client("198.51.100.1", "Chromium")).orElseThrow().newToken();

        assertEquals(1, devices.list("alice").size());
        RememberedDevices.Device listed = devices.list("alice").get(0);
        assertEquals(handle, listed.handle());
        assertEquals("198.51.100.1", listed.ip());
        assertEquals("Chromium", listed.userAgent());
        assertFalse(devices.end("bob", handle), "another account's handle");
        assertFalse(devices.end("alice", "made-up"));

        assertTrue(devices.end("alice", handle));

        assertTrue(devices.list("alice").isEmpty());
        assertTrue(devices.use(rotated, MONTH, CLIENT).isEmpty());
        assertEquals(1, devices.list("bob").size());
    }

    @Test
    void endingAllOfAnAccountEndsItsTokensOnly() {
        String alices = devices.issue("alice", MONTH, CLIENT);
        String bobs = devices.issue("bob", MONTH, CLIENT);

        assertEquals(1, devices.endAllOf("ALICE"));

        assertTrue(devices.use(alices, MONTH, CLIENT).isEmpty());
        assertTrue(devices.use(bobs, MONTH, CLIENT).isPresent());
    }

    @Test
    void theSweepForgetsExpiredRowsOnly() throws SQLException {
        devices.issue("alice", Duration.ofDays(-2), CLIENT);
        String live = devices.issue("alice", MONTH, CLIENT);

        assertEquals(1, devices.sweep(Instant.now().minus(Duration.ofDays(1))));

        assertEquals("1", single("SELECT COUNT(*) FROM remembered_device"));
        assertTrue(devices.use(live, MONTH, CLIENT).isPresent());
    }

    @Test
    void twoUsesOfOneTokenAtOnceRotateItOnce() throws Exception {
        String token = devices.issue("alice", MONTH, CLIENT);
        ExecutorService atOnce = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<RememberedDevices.Used>> one = atOnce.submit(() -> devices.use(token, MONTH, CLIENT));
            Future<Optional<RememberedDevices.Used>> two = atOnce.submit(() -> devices.use(token, MONTH, CLIENT));
            Optional<RememberedDevices.Used> first = one.get();
            Optional<RememberedDevices.Used> second = two.get();

            assertEquals(1, (first.isPresent() ? 1 : 0) + (second.isPresent() ? 1 : 0), "exactly one wins");
        } finally {
            atOnce.shutdownNow();
        }
    }

    private String single(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            assertTrue(row.next());
            String value = row.getString(1);
            assertFalse(row.next());
            return value;
        }
    }
}
