package io.gatehouse.database;

import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.OwnServer;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.SocatProxy;
import io.gatehouse.testing.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static io.gatehouse.testing.GatehouseIT.PASSWORD;
import static io.gatehouse.testing.SafeAnswer.assertPlainError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Database faults, on a tuned server of this runtime, its PostgreSQL behind socat: for two rounds of checks (at
 * least 10 s, about 18 s in practice) the database refuses connections, or hangs with its sockets open. Sign-in and
 * sign-up answer a plain 503 within 5 s, the home page and the 404 keep answering throughout, /health says DOWN,
 * and when the database is back the first sign-in succeeds within 10 s, with no restart and no account lost. A
 * signed-in person gets the same 503, even on the home page, which reads nothing else from the database: a session
 * is never taken as live because the registry could not be read.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting out outages: beside the other stories (pom.xml)
@ResourceLock(value = OwnServer.TUNED_SERVER, mode = ResourceAccessMode.READ_WRITE)
class DatabaseFaultSecurityIT {

    private static final Logger LOG = Logger.getLogger(DatabaseFaultSecurityIT.class.getName());
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(10);
    /**
     * Twice the longest answer allowed, which is longer than any wait the application has on its database (3 s for
     * a connection, 3 s for a query, see Database): every request of the loop below, its second round included, meets
     * a pool that has already given up on the database once. The outage also lasts until the crowd of 20 sign-ins
     * has had its answers, so none of them can be served by a database that is back.
     */
    private static final Duration OUTAGE = ANSWER_WITHIN.multipliedBy(2);

    @RegisterExtension
    static final OwnServer server = OwnServer.tuned();

    private static SocatProxy proxy;

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    @BeforeAll
    static void theDatabaseIsBehindSocat() {
        proxy = server.database();
    }

    @Test
    void aDatabaseRefusingConnectionsIsA503UntilItIsBack() throws Exception {
        outage("refusing connections", proxy::refuse, proxy::open);
    }

    @Test
    void aHungDatabaseIsA503UntilItIsBack() throws Exception {
        outage("hung (SIGSTOP)", proxy::hang, proxy::resume);
    }

    private void outage(String kind, Runnable fail, Runnable recover) throws Exception {
        String username = "u" + UUID.randomUUID().toString().substring(0, 12);
        WebClient signedIn = visitor();
        assertEquals(303, signedIn.signUp(username, PASSWORD).status());
        Page healthy = visitor().get("health");
        assertEquals(200, healthy.status());
        assertEquals("{\"status\":\"UP\",\"db\":\"UP\"}", healthy.body());

        HomePageWatch home = new HomePageWatch();
        ExecutorService crowd = Executors.newFixedThreadPool(20);
        // Right before and after the fault: this server's sessions idle out after 4 s.
        assertTrue(signedIn.get("").body().contains("Signed in as"));
        fail.run();
        Instant failed = Instant.now();
        List<Long> slowest = new ArrayList<>(List.of(0L, 0L, 0L));
        try {
            slowest.set(2, timed503(() -> signedIn.get("")));
            List<Future<Page>> signIns = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                signIns.add(crowd.submit(() -> visitor().signIn(username, PASSWORD)));
            }
            while (Duration.between(failed, Instant.now()).compareTo(OUTAGE) < 0
                    || !signIns.stream().allMatch(Future::isDone)) {
                slowest.set(0, Math.max(slowest.get(0), timed503(() -> visitor().signIn(username, PASSWORD))));
                slowest.set(1, Math.max(slowest.get(1), timed503(() -> visitor().signUp("n" + System.nanoTime(), PASSWORD))));
                Page health = visitor().get("health");
                assertEquals(503, health.status());
                assertEquals("{\"status\":\"DOWN\",\"db\":\"DOWN\"}", health.body());
                assertEquals(404, visitor().get("nope").status());
            }
            for (Future<Page> signIn : signIns) {
                assertEquals(503, signIn.get().status(), "a sign-in among 20 at once");
            }
        } finally {
            crowd.shutdownNow();
            recover.run();
        }
        Instant recovered = Instant.now();
        Page back = visitor().signIn(username, PASSWORD);
        while (back.status() != 303 && Duration.between(recovered, Instant.now()).compareTo(RECOVER_WITHIN) < 0) {
            Thread.sleep(250);
            back = visitor().signIn(username, PASSWORD);
        }
        long recoveryMillis = Duration.between(recovered, Instant.now()).toMillis();
        home.stop();

        assertEquals("/profile", back.location(), "signed in again, with the account made before the outage");
        assertTrue(recoveryMillis <= RECOVER_WITHIN.toMillis(), "first sign-in after " + recoveryMillis + " ms");
        assertEquals(List.of(), home.failures(), "GET / during the outage");
        assertEquals(200, visitor().get("health").status());
        LOG.info(() -> "database " + kind + " for " + Duration.between(failed, recovered).toMillis() + " ms: slowest sign-in 503 "
                + slowest.get(0) + " ms, slowest sign-up 503 " + slowest.get(1) + " ms, signed-in home page 503 "
                + slowest.get(2) + " ms; GET / answered " + home.count()
                + " times, slowest " + home.slowestMillis() + " ms; first sign-in " + recoveryMillis + " ms after recovery");
    }

    private long timed503(Supplier<Page> request) {
        Instant start = Instant.now();
        Page answer = request.get();
        long millis = Duration.between(start, Instant.now()).toMillis();
        assertEquals(503, answer.status(), answer::toString);
        assertPlainError(answer);
        assertEquals("Service Unavailable", answer.body());
        assertTrue(millis <= ANSWER_WITHIN.toMillis(), "503 after " + millis + " ms");
        return millis;
    }

    private WebClient visitor() {
        return server.visitor(lastResponse);
    }

    /** GET / five times a second from its own thread, for as long as the outage lasts. */
    private final class HomePageWatch {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Long> millis = new ConcurrentLinkedQueue<>();
        private final Thread thread = new Thread(this::watch, "home-page-watch");

        HomePageWatch() {
            thread.start();
        }

        private void watch() {
            WebClient client = new WebClient(server.base(), page -> { });
            while (running.get()) {
                Instant start = Instant.now();
                try {
                    int status = client.get("").status();
                    millis.add(Duration.between(start, Instant.now()).toMillis());
                    if (status != 200) {
                        failures.add(status + " at " + start);
                    }
                    if (client.get("nope").status() != 404) {
                        failures.add("404 page broken at " + start);
                    }
                    Thread.sleep(200);
                } catch (RuntimeException e) {
                    failures.add(e + " at " + start);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        int count() {
            return millis.size();
        }

        long slowestMillis() {
            return millis.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }
}
