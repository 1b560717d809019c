package io.gatehouse.session;

import io.gatehouse.testing.ExpiredCookie;
import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.WebClient;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static io.gatehouse.testing.SafeAnswer.assertHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session: a new id at sign-in, a cookie no script or other site can use, nothing cached, a real sign-out. */
class SessionSecurityIT extends GatehouseIT {


    @Test
    void signInAndSignUpBothGiveANewSessionId() {
        String username = newUsername();
        WebClient alice = visitor();
        alice.get("profile");
        String before = alice.sessionId().orElseThrow();
        alice.signUp(username, PASSWORD);
        assertNotEquals(before, alice.sessionId().orElseThrow(), "sign-up");

        WebClient again = visitor();
        again.get("profile");
        String anonymous = again.sessionId().orElseThrow();
        again.signIn(username, PASSWORD);
        assertNotEquals(anonymous, again.sessionId().orElseThrow(), "sign-in");
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxPathRootWithoutDomainAndNotSecureOverPlainHttp() {
        String username = newUsername();
        String fromSignUp = visitor().signUp(username, PASSWORD).cookie("JSESSIONID").orElseThrow();
        String fromSignIn = visitor().signIn(username, PASSWORD).cookie("JSESSIONID").orElseThrow();

        for (String cookie : List.of(fromSignUp, fromSignIn)) {
            List<String> attributes = List.of(cookie.split(";\\s*"));
            assertTrue(attributes.contains("HttpOnly"), cookie);
            assertTrue(attributes.contains("SameSite=Lax"), cookie);
            assertTrue(attributes.contains("Path=/"), cookie);
            assertFalse(cookie.toLowerCase().contains("domain="), cookie);
            assertFalse(attributes.contains("Secure"), "Secure only over TLS (ProxySecurityIT): " + cookie);
        }
    }

    @Test
    void noJsessionidEverAppearsInAUrl() {
        WebClient alice = visitor();
        alice.get("profile");
        List<Page> pages = List.of(alice.get(""), alice.get("login"), alice.get("register"), alice.get("profile"),
                alice.signIn(newUsername(), PASSWORD));
        String username = newUsername();
        Page signedUp = alice.signUp(username, PASSWORD);

        for (Page page : concat(pages, List.of(signedUp, alice.get("profile"), alice.get(""), alice.get("logout")))) {
            assertFalse(page.body().toLowerCase().contains("jsessionid"), page::toString);
            assertFalse(String.valueOf(page.location()).toLowerCase().contains("jsessionid"), page::toString);
        }
    }

    @Test
    void everySignedInAnswerIsNoStore() {
        WebClient alice = visitor();
        Page signedUp = alice.signUp(newUsername(), PASSWORD);
        List<Page> answers = List.of(signedUp, alice.get("profile"), alice.get(""), alice.get("login"),
                alice.get("register"), alice.get("static/gatehouse.css"), alice.get("static/signed-in.js"),
                alice.get("nope"), alice.get("health"));

        for (Page answer : answers) {
            assertEquals("no-store", answer.header("Cache-Control"), answer::toString);
            assertHeaders(answer);
        }
    }

    @Test
    void signingOutClearsTheSiteAndExpiresTheCookie() {
        WebClient alice = visitor();
        alice.signUp(newUsername(), PASSWORD);
        String session = alice.sessionId().orElseThrow();

        Page answer = alice.get("logout");

        assertEquals("\"cache\", \"cookies\", \"storage\"", answer.header("Clear-Site-Data"));
        String expired = answer.cookie("JSESSIONID").orElseThrow();
        assertTrue(expired.startsWith("JSESSIONID=;"), expired);
        assertTrue(ExpiredCookie.expiresNow(expired), expired);
        // Path is what makes the browser drop the right cookie. (SameSite means nothing on a deleted cookie, and
        // Payara, which ignores web.xml's SameSite, leaves it off this one.)
        assertTrue(answer.cookieAttributes("JSESSIONID").containsAll(Set.of("path=/", "httponly")), expired);
        WebClient thief = visitor();
        thief.useSessionId(session);
        assertEquals(303, thief.get("profile").status(), "the old id is dead on the server");
    }

    private static List<Page> concat(List<Page> first, List<Page> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
