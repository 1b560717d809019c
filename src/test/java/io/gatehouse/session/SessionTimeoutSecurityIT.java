package io.gatehouse.session;

import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.LaunchedServer;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Idle and absolute timeouts, on the launcher with both set short through their environment variables
 * (the defaults, 30 min and 8 h, are the same code with other numbers).
 */
@Tag("launcher")
class SessionTimeoutSecurityIT {

    private static final Logger LOG = Logger.getLogger(SessionTimeoutSecurityIT.class.getName());
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration IDLE = Duration.ofSeconds(4);
    private static final Duration ABSOLUTE = Duration.ofSeconds(10);

    private static LaunchedServer server;

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    @BeforeAll
    static void start() throws Exception {
        server = LaunchedServer.start(Map.of(
                "GATEHOUSE_SESSION_IDLE_TIMEOUT", IDLE.toString(),
                "GATEHOUSE_SESSION_ABSOLUTE_TIMEOUT", ABSOLUTE.toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

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
