package io.gatehouse.session;

import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.OwnServer;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.WebClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.gatehouse.testing.AccountPages.confirmPassword;
import static io.gatehouse.testing.AccountPages.endSession;
import static io.gatehouse.testing.AccountPages.sessionsForm;
import static io.gatehouse.testing.AccountPages.signOutEverywhereElse;
import static io.gatehouse.testing.GatehouseIT.PASSWORD;
import static io.gatehouse.testing.GatehouseIT.newUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two clients, A and B, signed in as the same person; /account/sessions on A lists and ends B. */
class AccountSessionsIT {

    /** Its wrong passwords would use up the sign-in throttle's allowance for 127.0.0.1 on the suite's server. */
    @RegisterExtension
    static final OwnServer server = OwnServer.forWrongPasswords();

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    static final String FIREFOX_ON_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String CHROME_ON_LINUX =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    private static final Pattern HANDLE = Pattern.compile("name=\"handle\" value=\"([^\"]+)\"");

    private final String username = newUsername();
    private WebClient a;
    private WebClient b;

    @BeforeEach
    void twoBrowsers() {
        a = visitor().as(FIREFOX_ON_WINDOWS);
        b = visitor().as(CHROME_ON_LINUX);
    }

    private void signInBoth() {
        assertEquals(303, a.signUp(username, PASSWORD).status());
        assertEquals(303, b.signIn(username, PASSWORD).status());
        assertEquals(200, b.get("profile").status());
    }

    @Test
    void aSeesBothSessionsWithTheirDevicesAndItsOwnMarked() {
        signInBoth();

        Page sessions = a.get("account/sessions");

        assertEquals(200, sessions.status());
        assertEquals("no-store", sessions.header("Cache-Control"));
        assertEquals(2, count(sessions.body(), "<tr class=\"session\">"), sessions.body());
        assertTrue(sessions.body().contains("Firefox 128 on Windows"), "A's device");
        assertTrue(sessions.body().contains("Chrome 126 on Linux"), "B's device");
        assertEquals(1, count(sessions.body(), "This device"));
        assertTrue(sessions.body().contains("127.0.0.1"), "the address the app sees");
        assertFalse(sessions.body().contains(a.sessionId().orElseThrow()), "a session id in the page");
        assertFalse(sessions.body().contains(b.sessionId().orElseThrow()), "a session id in the page");
        assertTrue(handles(sessions).isEmpty(), "no sign-out button before the password is confirmed");
    }

    @Test
    void aEndsBAndBsNextRequestLandsOnTheSignInPage() {
        signInBoth();
        String bCookie = b.sessionId().orElseThrow();
        assertEquals("/account/sessions?confirmed", confirmPassword(a, PASSWORD).location());

        List<String> handles = handles(a.get("account/sessions"));
        assertEquals(1, handles.size(), "one other session to end");
        assertEquals("/account/sessions?ended", endSession(a, handles.get(0)).location());

        Page next = b.get("profile");
        assertEquals(303, next.status());
        assertEquals("/login", next.location());
        WebClient thief = visitor();
        thief.useSessionId(bCookie);
        assertEquals("/login", thief.get("profile").location(), "B's old cookie signed in again");
        assertEquals(200, a.get("profile").status(), "A stays");
        assertEquals(1, count(a.get("account/sessions").body(), "<tr class=\"session\">"));
    }

    @Test
    void nothingEndsWithoutARecentPasswordAndAWrongOneIsRefusedAndThrottled() {
        signInBoth();
        WebClient c = visitor();
        c.signIn(username, PASSWORD);
        confirmPassword(c, PASSWORD);
        List<String> handlesOfAAndB = handles(c.get("account/sessions"));
        assertEquals(2, handlesOfAAndB.size());

        for (String handle : handlesOfAAndB) {
            assertEquals("/account/sessions?confirm-first", endSession(a, handle).location(), "C's confirmation served A");
        }
        assertEquals("/account/sessions?confirm-first", signOutEverywhereElse(a).location());
        assertEquals(200, b.get("profile").status(), "B was ended without a password");
        assertEquals(200, c.get("profile").status(), "C was ended without a password");

        for (int attempt = 0; attempt < 6; attempt++) {
            assertEquals("/account/sessions?wrong-password", confirmPassword(a, "not the password").location());
        }
        assertEquals("/account/sessions?wrong-password", confirmPassword(a, PASSWORD).location(),
                "the throttle let a seventh try through at once");
        assertEquals("/login?error", visitor().signIn(username, PASSWORD).location(),
                "the wrong confirmations did not count toward the sign-in throttle");
        assertEquals(200, b.get("profile").status());
    }

    @Test
    void signingOutEverywhereElseEndsBAndKeepsA() {
        signInBoth();
        WebClient c = visitor();
        assertEquals(303, c.signIn(username, PASSWORD).status());
        confirmPassword(a, PASSWORD);

        assertEquals("/account/sessions?ended-others", signOutEverywhereElse(a).location());

        assertEquals("/login", b.get("profile").location());
        assertEquals("/login", c.get("profile").location());
        assertEquals(200, a.get("profile").status(), "A stays");
        Page sessions = a.get("account/sessions");
        assertEquals(1, count(sessions.body(), "<tr class=\"session\">"), sessions.body());
        assertEquals(303, b.signIn(username, PASSWORD).status(), "a new sign-in after it lives on");
        assertEquals(200, b.get("profile").status());
    }

    @Test
    void aThirdPersonCannotEndAnyoneElsesSession() {
        signInBoth();
        confirmPassword(a, PASSWORD);
        String bHandle = handles(a.get("account/sessions")).get(0);
        WebClient mallory = visitor();
        String mallorysName = newUsername();
        mallory.signUp(mallorysName, PASSWORD);
        confirmPassword(mallory, PASSWORD);

        for (String handle : List.of(bHandle, "AAAAAAAAAAAAAAAAAAAAAA", "", "' OR 1=1 --", "x".repeat(5000))) {
            Page answer = endSession(mallory, handle);
            assertEquals(303, answer.status(), handle);
            assertEquals("/account/sessions?gone", answer.location());
        }
        assertTrue(a.follow(endSession(mallory, bHandle)).body().contains("That session is no longer there."));
        assertEquals(200, a.get("profile").status());
        assertEquals(200, b.get("profile").status());
        assertEquals(200, mallory.get("profile").status());
    }

    @Test
    void anEndedOrTokenlessPostChangesNothing() {
        signInBoth();
        confirmPassword(a, PASSWORD);
        String handle = bsHandle();

        Map<String, String> noToken = Map.of("handle", handle);
        assertEquals("/account/sessions?expired", a.post("account/sessions/end", noToken).location());
        assertEquals(200, b.get("profile").status());

        assertEquals("/account/sessions?ended", endSession(a, handle).location());
        assertEquals("/account/sessions?gone", endSession(a, handle).location(), "ending it twice");
    }

    @Test
    void endingOneSessionTwiceWhileItSignsItselfOutIsNoError() throws Exception {
        signInBoth();
        String handle = bsHandle();
        Map<String, String> first = sessionsForm(a, Map.of("handle", handle));
        Map<String, String> second = sessionsForm(a, Map.of("handle", handle));
        ExecutorService atOnce = Executors.newFixedThreadPool(3);
        try {
            Future<Page> one = atOnce.submit(() -> a.post("account/sessions/end", first));
            Future<Page> two = atOnce.submit(() -> a.post("account/sessions/end", second));
            Future<Page> own = atOnce.submit(() -> b.get("logout"));

            for (Future<Page> ending : List.of(one, two)) {
                String outcome = ending.get().location();
                assertTrue(outcome.equals("/account/sessions?ended") || outcome.equals("/account/sessions?gone"), outcome);
            }
            assertEquals(303, own.get().status());
            // Signed out either way: by its own /logout, or refused as ended if A's ending came first.
            assertTrue(List.of("/", "/login").contains(own.get().location()), own.get().location());
        } finally {
            atOnce.shutdownNow();
        }
        assertEquals("/login", b.get("profile").location());
        assertEquals(200, a.get("profile").status());
    }

    @Test
    void anotherSitesPostEndsNothing() {
        signInBoth();
        String handle = bsHandle();

        for (String origin : List.of("https://evil.example", "null")) {
            Page answer = a.send(a.request("account/sessions/end")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", origin)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            WebClient.encode(sessionsForm(a, Map.of("handle", handle))))));
            assertEquals(403, answer.status(), "a cross-site POST");
            assertEquals("Forbidden", answer.body());
        }
        assertEquals(200, b.get("profile").status());
    }

    @Test
    void theSessionsPageIsForSignedInPeopleOnly() {
        assertEquals("/login", visitor().get("account/sessions").location());
        Page post = visitor().post("account/sessions/end", Map.of("handle", "x"));
        assertEquals("/login", post.location());
    }

    /** B's handle, as A's page shows it once A has confirmed the password. */
    private String bsHandle() {
        confirmedOnce(a);
        List<String> handles = handles(a.get("account/sessions"));
        assertEquals(1, handles.size());
        return handles.get(0);
    }

    private static void confirmedOnce(WebClient client) {
        Page sessions = client.get("account/sessions");
        if (!sessions.body().contains("Sign out everywhere else")) {
            confirmPassword(client, PASSWORD);
        }
    }

    static List<String> handles(Page page) {
        List<String> handles = new ArrayList<>();
        Matcher matcher = HANDLE.matcher(page.body());
        while (matcher.find()) {
            handles.add(matcher.group(1));
        }
        return handles;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private WebClient visitor() {
        return server.visitor(lastResponse);
    }
}
