package io.gatehouse.session;

import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.WebClient;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignOutIT extends GatehouseIT {

    @Test
    void signingOutEndsTheSessionAndGoesHome() {
        WebClient alice = visitor();
        String username = newUsername();
        alice.signUp(username, PASSWORD);

        Page answer = alice.get("logout");

        assertEquals(303, answer.status());
        assertEquals("/", answer.location());
        assertEquals("\"cache\", \"cookies\", \"storage\"", answer.header("Clear-Site-Data"));
        String expired = answer.cookie("JSESSIONID").orElseThrow();
        assertTrue(expired.startsWith("JSESSIONID=;"), expired);
        Set<String> attributes = answer.cookieAttributes("JSESSIONID");
        assertTrue(attributes.contains("max-age=0") || attributes.stream().anyMatch(a -> a.startsWith("expires=thu,01")), expired);
        Page home = alice.follow(answer);
        assertTrue(home.body().contains("Home page"), home.body());
        assertFalse(home.body().contains(username), "still signed in");
    }

    @Test
    void theOldSessionCookieNeverReachesTheProfileAgain() {
        WebClient alice = visitor();
        alice.signUp(newUsername(), PASSWORD);
        String session = alice.sessionId().orElseThrow();
        alice.get("logout");

        WebClient thief = visitor();
        thief.useSessionId(session);
        Page profile = thief.get("profile");

        assertEquals(303, profile.status());
        assertEquals("/login", profile.location());
    }

    @Test
    void signingOutWithPostWorksToo() {
        WebClient alice = visitor();
        alice.signUp(newUsername(), PASSWORD);

        Page answer = alice.post("logout", Map.of());

        assertEquals(303, answer.status());
        assertEquals("/", answer.location());
        assertEquals(303, alice.get("profile").status());
    }

    @Test
    void theLessonsContractHolds() {
        WebClient alice = visitor();
        alice.signUp(newUsername(), PASSWORD);

        Page landed = alice.follow(alice.get("logout"));

        assertEquals(200, landed.status());
        assertTrue(landed.body().contains("Home page"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "0123456789ABCDEF0123456789ABCDEF", "%00%0d%0a"})
    void signingOutWithNoSessionOrAGarbageCookieStillGoesHome(String cookie) {
        WebClient stranger = visitor();
        if (!cookie.isEmpty()) {
            stranger.useSessionId(cookie);
        }

        Page answer = stranger.get("logout");

        assertEquals(303, answer.status());
        assertEquals("/", answer.location());
    }
}
