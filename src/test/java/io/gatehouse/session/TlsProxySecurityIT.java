package io.gatehouse.session;

import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.OwnServer;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.RawHttp;
import io.gatehouse.testing.ServerRuntime;
import io.gatehouse.testing.WebClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tuned server of this runtime behind a TLS-terminating proxy at 127.0.0.1 (GATEHOUSE_TRUSTED_PROXIES): a visitor
 * who came over HTTPS gets a Secure session cookie and HSTS; X-Forwarded-Proto from anyone else changes nothing.
 * <p>Payara Micro's HTTP listener has no setting that believes X-Forwarded-* from listed addresses only, as
 * RemoteIpValve does, so docker/payara trusts no proxy: there TLS must end at Payara, and the proxy's headers
 * change nothing even from 127.0.0.1. That safe side is what these stories check on Payara.
 */
@ResourceLock(value = OwnServer.TUNED_SERVER, mode = ResourceAccessMode.READ)
class TlsProxySecurityIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String HTTPS = "X-Forwarded-Proto";

    @RegisterExtension
    static final OwnServer server = OwnServer.tuned();

    private static final boolean PROXY_TRUSTED = server.runtime() != ServerRuntime.PAYARA_MICRO;

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    @Test
    void overHttpsTheSessionCookieIsSecureAndEveryAnswerCarriesHsts() {
        WebClient visitor = server.visitor(lastResponse);
        Page form = visitor.send(visitor.request("register").header(HTTPS, "https").GET());
        String formCookie = form.cookie(PROXY_TRUSTED ? "__Host-gatehouse-csrf" : "gatehouse-csrf")
                .orElseThrow(() -> new AssertionError(form));
        assertEquals(PROXY_TRUSTED, List.of(formCookie.split(";\\s*")).contains("Secure"), formCookie);
        Page signedUp = visitor.send(visitor.request("register").header(HTTPS, "https")
                .header("Origin", "https://127.0.0.1")
                .header("Cookie", formCookie.substring(0, formCookie.indexOf(';')))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(Map.of("register", "register", "signUp", "Sign up",
                        "jakarta.faces.ViewState", form.viewState(), "csrf_token", form.formToken(),
                        "username", "u" + UUID.randomUUID().toString().substring(0, 12),
                        "password", PASSWORD, "confirmation", PASSWORD)))));
        if (!PROXY_TRUSTED) {
            assertEquals(403, signedUp.status(), "to a server that sees plain HTTP, an https Origin is another site");
            for (Page answer : List.of(form, signedUp)) {
                assertNull(answer.header("Strict-Transport-Security"), answer::toString);
            }
            return;
        }
        assertEquals(303, signedUp.status(), "our own https origin, as the proxy forwards it, may post");
        String cookie = signedUp.cookie("JSESSIONID").orElseThrow();
        assertTrue(List.of(cookie.split(";\\s*")).contains("Secure"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));

        Page profile = visitor.send(visitor.request("profile").header(HTTPS, "https").header("Cookie", session).GET());
        assertEquals(200, profile.status());
        Page signedOut = visitor.send(visitor.request("logout").header(HTTPS, "https").header("Cookie", session).GET());
        assertEquals(303, signedOut.status());
        String expired = signedOut.cookie("JSESSIONID").orElseThrow();
        assertTrue(List.of(expired.split(";\\s*")).contains("Secure"), expired);

        for (Page answer : List.of(form, signedUp, profile, signedOut,
                visitor.send(visitor.request("nope").header(HTTPS, "https").GET()))) {
            assertEquals("max-age=31536000", answer.header("Strict-Transport-Security"), answer::toString);
        }
    }

    @Test
    void overPlainHttpOrFromAnUntrustedAddressNothingChanges() {
        WebClient visitor = server.visitor(lastResponse);
        Page plain = visitor.signUp("u" + UUID.randomUUID().toString().substring(0, 12), PASSWORD);
        assertFalse(plain.cookie("JSESSIONID").orElseThrow().contains("Secure"));
        assertNull(plain.header("Strict-Transport-Security"));

        Page spoofed = new RawHttp(server.base(), "127.0.0.5", lastResponse)
                .send("GET /profile HTTP/1.1\r\n" + HTTPS + ": https", new byte[0]);
        assertEquals(303, spoofed.status(), spoofed::toString);
        assertNull(spoofed.header("Strict-Transport-Security"), "an untrusted X-Forwarded-Proto");
        assertFalse(spoofed.cookie("JSESSIONID").orElseThrow().contains("Secure"), spoofed::toString);
    }

    @Test
    void theClientAddressIsTheOneTheProxyForwards() {
        WebClient visitor = server.visitor(lastResponse);
        String username = "u" + UUID.randomUUID().toString().substring(0, 12);

        Page answer = visitor.send(visitor.request("j_security_check")
                .header("X-Forwarded-For", "198.51.100.7")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf_token=" + visitor.get("login").formToken()
                        + "&j_username=" + username + "&j_password=wrong+password+here")));

        assertEquals("/login?error", answer.location());
        String address = PROXY_TRUSTED ? "198.51.100.7" : "127.0.0.1";
        assertTrue(server.log().contains("\"user\":\"" + username + "\",\"ip\":\"" + address + "\""), server.log());
    }
}
