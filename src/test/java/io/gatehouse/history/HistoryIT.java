package io.gatehouse.history;

import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.OwnServer;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.gatehouse.testing.GatehouseIT.PASSWORD;
import static io.gatehouse.testing.GatehouseIT.newUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryIT {

    /** Its wrong passwords would use up the sign-in throttle's allowance for 127.0.0.1 on the suite's server. */
    @RegisterExtension
    static final OwnServer server = OwnServer.forWrongPasswords();

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    private static final String CHROME_ON_LINUX =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    @Test
    void aSeesBsFailedSignInWithBsAddressAndDeviceNewestFirst() {
        String username = newUsername();
        WebClient a = visitor();
        a.signUp(username, PASSWORD);
        WebClient b = visitor().as(CHROME_ON_LINUX);
        assertEquals("/login?error", b.signIn(username, "not the password").location());

        Page history = a.get("account/history");

        assertEquals(200, history.status());
        assertEquals("no-store", history.header("Cache-Control"));
        String body = history.body();
        int failed = body.indexOf("Sign-in failed: wrong password");
        int signedIn = body.indexOf("Signed in");
        assertTrue(failed > 0 && signedIn > failed, "newest first:\n" + body);
        String failedRow = body.substring(failed, body.indexOf("</tr>", failed));
        assertTrue(failedRow.contains("127.0.0.1"), failedRow);
        assertTrue(failedRow.contains("Chrome 126 on Linux"), failedRow);
        assertTrue(body.contains("Not you? <a href=\"password\">Change your password</a>"), "the way out");
        assertFalse(body.contains(a.sessionId().orElseThrow()), "a session id in the page");
        assertFalse(body.contains("not the password"), "a password in the page");
    }

    @Test
    void signingOutAndAThrottledSignInAreThereToo() {
        String username = newUsername();
        WebClient a = visitor();
        a.signUp(username, PASSWORD);
        WebClient watcher = visitor();
        watcher.signIn(username, PASSWORD);
        a.get("logout");
        for (int attempt = 0; attempt < 7; attempt++) {
            visitor().signIn(username, "not the password");
        }

        String body = watcher.get("account/history").body();

        assertTrue(body.contains("Signed out"), body);
        assertTrue(body.contains("Sign-in refused: too many tries"), body);
    }

    @Test
    void aVisitorIsSentToSignIn() {
        assertEquals("/login", visitor().get("account/history").location());
    }

    private WebClient visitor() {
        return server.visitor(lastResponse);
    }
}
