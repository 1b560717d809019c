package io.gatehouse.security;

import io.gatehouse.testing.AccountPages;
import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.OwnServer;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.RawHttp;
import io.gatehouse.testing.WebClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logging: one JSON line per security event in the server's log (the launcher's, catalina.out, Payara's), with time, user, address and a salted hash of
 * the session id; never a password, never a session id.
 */
class SecurityLogSecurityIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String WRONG = "not the password at all";
    private static final Pattern EVENT = Pattern.compile(
            "\\{\"time\":\"(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z)\",\"event\":\"([a-z.-]+)\",\"user\":\"((?:[^\"\\\\]|\\\\.)*)\","
                    + "\"ip\":\"([0-9.]+)\",\"session\":(null|\"([0-9a-f]{16})\")}");

    @RegisterExtension
    static final OwnServer server = OwnServer.defaults();

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    @Test
    void everySecurityEventIsOneLineWithTimeUserAddressAndHashedSession() throws Exception {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Set<String> sessionIds = new HashSet<>();
        WebClient alice = server.visitor(lastResponse);
        alice.signUp(username, PASSWORD);
        sessionIds.add(alice.sessionId().orElseThrow());
        alice.get("logout");
        RawHttp attacker = new RawHttp(server.base(), "127.0.0.31", lastResponse);
        for (int i = 0; i <= SignInThrottle.PER_ACCOUNT.free(); i++) {
            attacker.postFromPage("/login", "/j_security_check", "j_username=" + username + "&j_password=" + WRONG.replace(' ', '+'));
        }
        attacker.postFromPage("/login", "/j_security_check", "j_username=" + username + "&j_password=" + PASSWORD.replace(' ', '+'));
        Thread.sleep(SignInThrottle.PER_ACCOUNT.first().toMillis() + 300);
        WebClient again = server.visitor(lastResponse);
        again.get("profile");
        sessionIds.add(again.sessionId().orElseThrow());
        Page signedIn = again.signIn(username, PASSWORD);
        assertEquals("/profile", signedIn.location());
        sessionIds.add(again.sessionId().orElseThrow());
        Thread.sleep(200);

        List<Matcher> events = events(username);
        assertEquals(List.of("sign-up", "sign-out", "sign-in.failure", "sign-in.failure", "sign-in.failure",
                        "sign-in.failure", "sign-in.failure", "sign-in.failure", "sign-in.throttled", "sign-in.success"),
                events.stream().map(event -> event.group(2)).toList());
        assertEquals("127.0.0.1", events.get(0).group(4));
        assertEquals("127.0.0.31", events.get(2).group(4));
        assertEquals(events.get(0).group(5), events.get(1).group(5), "sign-up and sign-out name the same session");
        assertEquals("null", events.get(2).group(5), "a failure from a client without a session");
        assertTrue(events.get(9).group(6) != null && !events.get(9).group(6).equals(events.get(0).group(6)));

        String log = server.log();
        for (String secret : List.of(PASSWORD, WRONG, PASSWORD.replace(' ', '+'), WRONG.replace(' ', '+'))) {
            assertFalse(log.contains(secret), "a password in the log");
        }
        for (String id : sessionIds) {
            assertFalse(log.contains(id), "a session id in the log: " + id);
        }
    }

    @Test
    void endingOtherSessionsAndChangingThePasswordAreLoggedToo() throws Exception {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        WebClient alice = server.visitor(lastResponse);
        alice.signUp(username, PASSWORD);
        WebClient phone = server.visitor(lastResponse);
        phone.signIn(username, PASSWORD);
        WebClient tablet = server.visitor(lastResponse);
        tablet.signIn(username, PASSWORD);
        AccountPages.confirmPassword(alice, PASSWORD);
        Matcher handle = Pattern.compile("name=\"handle\" value=\"([^\"]+)\"").matcher(alice.get("account/sessions").body());
        assertTrue(handle.find());
        assertEquals("/account/sessions?ended",
                AccountPages.endSession(alice, handle.group(1)).location());
        assertEquals("/account/sessions?ended-others",
                AccountPages.signOutEverywhereElse(alice).location());
        assertEquals("/account/password?changed",
                AccountPages.changePassword(alice, PASSWORD, PASSWORD + " again", PASSWORD + " again").location());
        Thread.sleep(200);

        assertEquals(List.of("session.ended-elsewhere", "sign-out.everywhere", "password.changed"), events(username).stream()
                .map(event -> event.group(2)).filter(event -> !event.startsWith("sign-in") && !event.equals("sign-up"))
                .toList());
        for (WebClient client : List.of(alice, phone, tablet)) {
            assertFalse(server.log().contains(client.sessionId().orElse("no cookie")), "a session id in the log");
        }
        assertFalse(server.log().contains(handle.group(1)), "a session's handle in the log");
    }

    @Test
    void aRememberedSignInIsLoggedWithoutItsToken() throws Exception {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        WebClient alice = server.visitor(lastResponse);
        alice.signUp(username, PASSWORD);
        alice.signInAndRemember(username, PASSWORD);
        String token = alice.cookie("gatehouse-remember").orElseThrow();
        alice.dropCookie("JSESSIONID");

        assertEquals(200, alice.get("profile").status());
        Thread.sleep(200);

        assertEquals("sign-in.remembered", events(username).get(events(username).size() - 1).group(2));
        assertFalse(server.log().contains(token), "a remember-me token in the log");
        assertFalse(server.log().contains(alice.cookie("gatehouse-remember").orElseThrow()), "the rotated token in the log");
    }

    @Test
    void aNameCannotForgeALogLine() {
        RawHttp client = new RawHttp(server.base(), "127.0.0.32", lastResponse);
        client.postFromPage("/login", "/j_security_check", "j_username=x%0a%7B%22event%22:%22sign-in.success%22%7D%0d%0a"
                + "&j_password=" + WRONG.replace(' ', '+'));

        for (String line : server.log().lines().toList()) {
            assertFalse(line.startsWith("{\"event\""), line);
        }
        assertTrue(server.log().contains("\"user\":\"x\\n{\\\"event\\\":\\\"sign-in.success\\\"}\\r\\n\""),
                server.log());
    }

    private static List<Matcher> events(String username) {
        List<Matcher> events = new ArrayList<>();
        for (String line : server.log().lines().toList()) {
            Matcher event = EVENT.matcher(line);
            if (line.contains("\"event\":")) {
                assertTrue(event.matches(), "not one well-formed line: " + line);
                if (event.group(3).equals(username)) {
                    events.add(event);
                }
            }
        }
        return events;
    }
}
