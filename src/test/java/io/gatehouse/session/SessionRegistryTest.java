package io.gatehouse.session;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.account.Account;
import io.gatehouse.account.AccountRepository;
import io.gatehouse.database.Migrations;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry's behaviour, the same on every database: each subclass supplies a new, empty database per test. */
abstract class SessionRegistryTest {

    private static final String HASH = "PBKDF2WithHmacSHA512:220000:c2FsdA==:a2V5";

    private HikariDataSource dataSource;
    private SessionRegistry registry;
    private SessionIdHash hash;

    abstract HikariConfig emptyDatabase() throws Exception;

    @BeforeEach
    void openAndMigrate() throws Exception {
        dataSource = new HikariDataSource(emptyDatabase());
        Migrations.migrate(dataSource);
        new AccountRepository(dataSource).create("alice", HASH);
        new AccountRepository(dataSource).create("bob", HASH);
        registry = new SessionRegistry(dataSource);
        hash = new SessionIdHash(dataSource);
        hash.open();
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aRegisteredSessionIsLiveForItsOwnAccountOnly() {
        registry.register("alice", hash.of("id-1"), "203.0.113.7", "Firefox", "node-a");

        assertTrue(registry.isLive(hash.of("id-1"), "alice"));
        assertTrue(registry.isLive(hash.of("id-1"), "ALICE"), "names match without regard to case");
        assertFalse(registry.isLive(hash.of("id-1"), "bob"));
        assertFalse(registry.isLive(hash.of("id-2"), "alice"), "an unknown session is not live");
    }

    @Test
    void theCheckReadsTheAccountOfALiveSessionInTheSameRead() {
        registry.register("alice", hash.of("id-1"), "203.0.113.7", "Firefox", "node-a");
        registry.end(hash.of("id-1"), "signed-out");
        registry.register("alice", hash.of("id-2"), "203.0.113.7", "Firefox", "node-a");

        Account alice = registry.liveAccount(hash.of("id-2"), "ALICE").orElseThrow();
        assertEquals("alice", alice.username(), "as signed up, whatever case the check was asked in");
        assertEquals(new AccountRepository(dataSource).find("alice").orElseThrow().createdAt(), alice.createdAt());
        assertTrue(registry.liveAccount(hash.of("id-1"), "alice").isEmpty(), "an ended session reads no account");
    }

    @Test
    void anEndedSessionIsNotLiveAndASecondEndingChangesNothing() throws SQLException {
        registry.register("alice", hash.of("id-1"), "203.0.113.7", "Firefox", "node-a");

        registry.end(hash.of("id-1"), "signed-out");
        registry.end(hash.of("id-1"), "idle-timeout");

        assertFalse(registry.isLive(hash.of("id-1"), "alice"));
        assertEquals("signed-out", column("end_reason", hash.of("id-1")));
    }

    @Test
    void everythingSignedInBeforeTheAccountsValidAfterIsOver() throws Exception {
        registry.register("alice", hash.of("id-1"), "203.0.113.7", "Firefox", "node-a");
        Thread.sleep(5);
        execute("UPDATE account SET sessions_valid_after = CURRENT_TIMESTAMP WHERE username_key = 'alice'");
        Thread.sleep(5);
        registry.register("alice", hash.of("id-2"), "203.0.113.7", "Firefox", "node-a");

        assertFalse(registry.isLive(hash.of("id-1"), "alice"));
        assertTrue(registry.isLive(hash.of("id-2"), "alice"));
    }

    @Test
    void aNewIdKeepsTheSignInUnderItsNewName() {
        registry.register("alice", hash.of("id-1"), "203.0.113.7", "Firefox", "node-a");

        registry.rekey(hash.of("id-1"), hash.of("id-2"));

        assertFalse(registry.isLive(hash.of("id-1"), "alice"));
        assertTrue(registry.isLive(hash.of("id-2"), "alice"));
    }

    @Test
    void aNodeStartingAgainEndsOnlyItsOwnRows() {
        registry.register("alice", hash.of("id-1"), "203.0.113.7", "Firefox", "node-a");
        registry.register("bob", hash.of("id-2"), "203.0.113.8", "Firefox", "node-b");

        assertEquals(1, registry.endAllOf("node-a"));

        assertFalse(registry.isLive(hash.of("id-1"), "alice"));
        assertTrue(registry.isLive(hash.of("id-2"), "bob"));
    }

    @Test
    void theSweepEndsTimedOutRowsAndForgetsEndedOnes() throws SQLException {
        registry.register("alice", hash.of("id-1"), "203.0.113.7", "Firefox", "node-a");
        registry.register("bob", hash.of("id-2"), "203.0.113.8", "Firefox", "node-a");
        Instant later = Instant.now().plus(Duration.ofMinutes(1));
        Instant earlier = Instant.now().minus(Duration.ofHours(1));

        registry.sweep(later, earlier, earlier);
        assertFalse(registry.isLive(hash.of("id-1"), "alice"), "idle past the timeout");
        assertEquals("expired", column("end_reason", hash.of("id-1")));

        registry.sweep(earlier, earlier, later);
        assertEquals(null, column("end_reason", hash.of("id-1")), "forgotten once ended long enough");
    }

    @Test
    void theHashIsKeyedAndTheKeyIsTheSameForEveryNodeOnTheDatabase() {
        SessionIdHash otherNode = new SessionIdHash(dataSource);
        otherNode.open();

        assertEquals(hash.of("id-1"), otherNode.of("id-1"));
        assertNotEquals(hash.of("id-1"), hash.of("id-2"));
        assertEquals(64, hash.of("id-1").length());
        assertNotEquals(java.util.HexFormat.of().formatHex(sha256("id-1")), hash.of("id-1"), "not a plain digest");
    }

    @Test
    void aSecondRegistrationUnderTheSameHashReplacesTheFirst() {
        String first = registry.register("alice", hash.of("id-1"), "203.0.113.7", "Firefox", "node-a");
        registry.end(hash.of("id-1"), "signed-out");

        String second = registry.register("alice", hash.of("id-1"), "203.0.113.7", "Firefox", "node-a");

        assertNotEquals(first, second);
        assertTrue(registry.isLive(hash.of("id-1"), "alice"));
    }

    @Test
    void endingAllButOneKeepsItLiveAndEndsTheRestOfThatAccountOnly() {
        AccountSessions sessions = new AccountSessions(dataSource);
        String kept = registry.register("alice", hash.of("id-1"), "203.0.113.7", "Firefox", "node-a");
        String other = registry.register("alice", hash.of("id-2"), "203.0.113.8", "Chrome", "node-b");
        registry.register("bob", hash.of("id-3"), "203.0.113.9", "Safari", "node-a");

        assertEquals(java.util.List.of(other), sessions.endAllBut("alice", hash.of("id-1"), "signed-out-everywhere"));

        assertTrue(registry.isLive(hash.of("id-1"), "alice"), "the kept session");
        assertFalse(registry.isLive(hash.of("id-2"), "alice"));
        assertTrue(registry.isLive(hash.of("id-3"), "bob"), "another account");
        assertEquals(java.util.List.of(kept), sessions.list("alice").stream().map(LiveSession::handle).toList());
    }

    @Test
    void aHandleEndsOnlyItsOwnAccountsLiveSessionOnce() {
        AccountSessions sessions = new AccountSessions(dataSource);
        String alices = registry.register("alice", hash.of("id-1"), "203.0.113.7", "Firefox", "node-a");
        registry.register("bob", hash.of("id-2"), "203.0.113.8", "Chrome", "node-a");

        assertFalse(sessions.end("bob", alices, "ended-from-another-device"), "another account's handle");
        assertFalse(sessions.end("alice", "made-up", "ended-from-another-device"));
        assertTrue(registry.isLive(hash.of("id-1"), "alice"));
        assertTrue(sessions.end("alice", alices, "ended-from-another-device"));
        assertFalse(sessions.end("alice", alices, "ended-from-another-device"), "ended twice");
        assertFalse(registry.isLive(hash.of("id-1"), "alice"));
    }

    @Test
    void lastSeenIsWrittenAtMostOnceAMinutePerSession() throws SQLException {
        registry.register("alice", hash.of("id-1"), "203.0.113.7", "Firefox", "node-a");
        registry.register("alice", hash.of("id-2"), "203.0.113.8", "Chrome", "node-a");
        MovableClock clock = new MovableClock();
        LastSeen lastSeen = new LastSeen(registry, clock);
        HttpSession first = containerSession();
        HttpSession second = containerSession();
        lastSeen.registered(first);
        lastSeen.registered(second);
        execute("UPDATE live_session SET last_seen_at = TIMESTAMP '2000-01-01 00:00:00'");

        for (int request = 1; request < 60; request++) {
            clock.advance(Duration.ofSeconds(1));
            lastSeen.seen(first, hash.of("id-1"));
        }
        assertFalse(writtenSince2000("id-1"), "59 requests in the first minute: no write");

        clock.advance(Duration.ofSeconds(1));
        lastSeen.seen(first, hash.of("id-1"));
        assertTrue(writtenSince2000("id-1"), "a minute after the last write");
        assertFalse(writtenSince2000("id-2"), "another session is its own");

        execute("UPDATE live_session SET last_seen_at = TIMESTAMP '2000-01-01 00:00:00'");
        clock.advance(Duration.ofSeconds(59));
        lastSeen.seen(first, hash.of("id-1"));
        assertFalse(writtenSince2000("id-1"), "the minute counts from the last write");
        clock.advance(Duration.ofSeconds(1));
        lastSeen.seen(first, hash.of("id-1"));
        lastSeen.seen(second, hash.of("id-2"));
        assertTrue(writtenSince2000("id-1"));
        assertTrue(writtenSince2000("id-2"));
    }

    private static byte[] sha256(String value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String column(String name, String sessionHash) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + name + " FROM live_session WHERE session_hash = ?")) {
            select.setString(1, sessionHash);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private boolean writtenSince2000(String sessionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT last_seen_at FROM live_session WHERE session_hash = ?")) {
            select.setString(1, hash.of(sessionId));
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "no row for " + sessionId);
                return row.getTimestamp(1).toInstant().isAfter(Instant.parse("2001-01-01T00:00:00Z"));
            }
        }
    }

    /** A container session as far as its attributes go. */
    private static HttpSession containerSession() {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpSession) Proxy.newProxyInstance(HttpSession.class.getClassLoader(), new Class<?>[] {HttpSession.class},
                (self, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A clock that moves only when told. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-07T03:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
