package io.gatehouse.security;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.account.DataAccessException;
import io.gatehouse.database.Migrations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The throttle's counts in the database, the same on every database: each subclass gives a new, empty one per test. */
abstract class SignInFailuresTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    private HikariDataSource dataSource;
    private SignInFailures failures;

    abstract HikariConfig emptyDatabase() throws Exception;

    @BeforeEach
    void openAndMigrate() throws Exception {
        dataSource = new HikariDataSource(emptyDatabase());
        Migrations.migrate(dataSource);
        failures = new SignInFailures(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void eachFailureAddsOneUnderEachOfItsKeysOnTheDatabasesClock() {
        Instant before = Instant.now();
        for (int i = 0; i < 3; i++) {
            failures.add(List.of("account:alice", "address:192.0.2.1"), AN_HOUR);
        }
        failures.add(List.of("address:192.0.2.1"), AN_HOUR);

        Map<String, SignInFailures.Count> counts = failures.read(List.of("account:alice", "address:192.0.2.1", "account:bob"));
        assertEquals(3, counts.get("account:alice").failures());
        assertEquals(4, counts.get("address:192.0.2.1").failures());
        assertFalse(counts.containsKey("account:bob"), "no failures, no count");
        SignInFailures.Count alice = counts.get("account:alice");
        assertFalse(alice.readAt().isBefore(alice.lastFailedAt()));
        // The database runs on this machine here, so its clock and ours agree to well within a minute.
        assertTrue(Duration.between(before, alice.lastFailedAt()).abs().compareTo(Duration.ofMinutes(1)) < 0);
    }

    @Test
    void forgettingAKeyLeavesTheOthers() {
        failures.add(List.of("account:alice", "address:192.0.2.1"), AN_HOUR);

        failures.forget("account:alice");
        failures.forget("account:nobody");

        assertEquals(Map.of("address:192.0.2.1", 1), failureCounts("account:alice", "address:192.0.2.1"));
    }

    @Test
    void aCountPastItsWindowStartsAgainFromOneAndIsSwept() throws InterruptedException {
        Duration window = Duration.ofSeconds(1);
        failures.add(List.of("account:alice"), window);
        failures.add(List.of("account:alice"), window);
        assertEquals(Map.of("account:alice", 2), failureCounts("account:alice"));

        Thread.sleep(window.toMillis() + 1_100);
        failures.add(List.of("address:192.0.2.1"), window);
        assertEquals(1, failures.sweep(window), "only the old count");
        failures.add(List.of("account:alice"), window);

        assertEquals(Map.of("account:alice", 1, "address:192.0.2.1", 1), failureCounts("account:alice", "address:192.0.2.1"));
    }

    @Test
    void theCountPastItsWindowStartsAgainEvenBeforeTheSweep() throws InterruptedException {
        Duration window = Duration.ofSeconds(1);
        failures.add(List.of("account:alice"), window);
        failures.add(List.of("account:alice"), window);

        Thread.sleep(window.toMillis() + 1_100);
        failures.add(List.of("account:alice"), window);

        assertEquals(Map.of("account:alice", 1), failureCounts("account:alice"));
    }

    /** As on two nodes at once: every failure counts, the very first of a key too (two inserts race there). */
    @Test
    void failuresAddedAtTheSameInstantAllCount() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService nodes = Executors.newFixedThreadPool(threads);
        CyclicBarrier together = new CyclicBarrier(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(nodes.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    for (int i = 0; i < each; i++) {
                        failures.add(List.of("account:alice", "address:192.0.2.1"), AN_HOUR);
                    }
                    return null;
                }));
            }
            for (Future<?> one : done) {
                one.get(120, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }

        assertEquals(Map.of("account:alice", threads * each, "address:192.0.2.1", threads * each),
                failureCounts("account:alice", "address:192.0.2.1"));
    }

    @Test
    void theThrottleOverTheDatabaseClosesAfterTheSixthFailureAndARightPasswordOpensIt() {
        SignInThrottle throttle = new SignInThrottle(failures);
        for (int i = 0; i < 5; i++) {
            throttle.failed("Alice", "192.0.2.1");
        }
        assertFalse(throttle.isThrottled("alice", "192.0.2.2"), "five are free");

        throttle.failed("alice", "192.0.2.1");
        assertTrue(throttle.isThrottled("ALICE", "192.0.2.2"), "names match without regard to case");
        assertFalse(throttle.isThrottled("bob", "192.0.2.1"), "six from the address are far from its twenty");

        throttle.succeeded("alice");
        assertFalse(throttle.isThrottled("alice", "192.0.2.1"));
    }

    @Test
    void aDatabaseThatCannotBeReadThrottlesNobodyAndLetsNobodyIn() {
        SignInThrottle throttle = new SignInThrottle(failures);
        dataSource.close();

        assertThrows(DataAccessException.class, () -> throttle.isThrottled("alice", "192.0.2.1"));
        assertThrows(DataAccessException.class, () -> throttle.failed("alice", "192.0.2.1"));
        assertThrows(DataAccessException.class, () -> throttle.succeeded("alice"));
    }

    private Map<String, Integer> failureCounts(String... keys) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        failures.read(List.of(keys)).forEach((key, count) -> counts.put(key, count.failures()));
        return counts;
    }
}
