package io.gatehouse.session;

import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.OwnServer;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Idle and absolute timeouts, on a tuned server of this runtime with both set short through their environment
 * variables (the defaults, 30 min and 8 h, are the same code with other numbers).
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting out timeouts: beside the other stories (pom.xml)
@ResourceLock(value = OwnServer.TUNED_SERVER, mode = ResourceAccessMode.READ)
class SessionTimeoutSecurityIT {

    private static final Logger LOG = Logger.getLogger(SessionTimeoutSecurityIT.class.getName());
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration IDLE = OwnServer.IDLE_TIMEOUT;
    private static final Duration ABSOLUTE = OwnServer.ABSOLUTE_TIMEOUT;

    @RegisterExtension
    static final OwnServer server = OwnServer.tuned();

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    @Test
    void aSessionLeftIdleEnds() throws Exception {
        WebClient alice = signedUp();
        assertEquals(200, alice.get("profile").status());

        Thread.sleep(IDLE.plusSeconds(1).toMillis());

        Page profile = alice.get("profile");
        assertEquals(303, profile.status());
        assertEquals("/login", profile.location());
    }

    @Test
    void aSessionKeptBusyStillEndsAtTheAbsoluteTimeout() throws Exception {
        WebClient alice = signedUp();
        Instant signedIn = Instant.now();
        Page profile = alice.get("profile");
        while (profile.status() == 200 && Duration.between(signedIn, Instant.now()).compareTo(ABSOLUTE.multipliedBy(2)) < 0) {
            Thread.sleep(IDLE.toMillis() / 4);
            profile = alice.get("profile");
        }
        Duration lived = Duration.between(signedIn, Instant.now());
        LOG.info(() -> "a busy session ended " + lived.toMillis() + " ms after sign-in (absolute timeout " + ABSOLUTE + ")");

        assertEquals(303, profile.status(), "still signed in after " + lived);
        assertEquals("/login", profile.location());
        assertEquals("no-store", profile.header("Cache-Control"));
        assertTrue(lived.compareTo(ABSOLUTE.minusMillis(500)) >= 0, "ended too early: " + lived);
        assertTrue(lived.compareTo(ABSOLUTE.plus(IDLE)) < 0, "ended too late: " + lived);
        assertEquals(303, alice.get("profile").status(), "and stays ended");
    }

    private WebClient signedUp() {
        WebClient alice = server.visitor(lastResponse);
        assertEquals(303, alice.signUp("u" + UUID.randomUUID().toString().substring(0, 12), PASSWORD).status());
        return alice;
    }
}
