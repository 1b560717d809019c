package io.gatehouse.security;

import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.RawHttp;
import io.gatehouse.testing.ServerRuntime;
import io.gatehouse.testing.WebClient;
import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.gatehouse.testing.SafeAnswer.assertHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSRF and redirects: another site can neither post our forms, nor sign a visitor out, nor send one elsewhere. */
class CrossSiteSecurityIT extends GatehouseIT {

    private static final String[] FOREIGN = {"Origin: https://evil.example", "Origin: null",
            "Sec-Fetch-Site: cross-site", "Origin: http://127.0.0.1.evil.example"};

    private String ownOrigin() {
        String base = baseUri().toString();
        return base.substring(0, base.length() - 1);
    }

    private Page post(WebClient client, String path, Map<String, String> form, String header) {
        String[] nameValue = header.split(": ", 2);
        return client.send(client.request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(nameValue[0], nameValue[1])
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(form))));
    }

    private Page get(WebClient client, String path, String header) {
        String[] nameValue = header.split(": ", 2);
        return client.send(client.request(path).header(nameValue[0], nameValue[1]).GET());
    }

    // ----- POSTs from other sites

    @Test
    void anotherSitesSignUpIsForbiddenAndStoresNothing() {
        String username = newUsername();
        for (String header : FOREIGN) {
            WebClient visitor = visitor();
            Map<String, String> form = signUpForm(visitor, username);

            assertForbidden(post(visitor, "register", form, header));
        }
        assertEquals(303, visitor().signUp(username, PASSWORD).status(), "the name must still be free");
    }

    @Test
    void anotherSitesSignInIsForbiddenAndSignsNobodyIn() {
        String username = newUsername();
        visitor().signUp(username, PASSWORD);
        for (String header : FOREIGN) {
            WebClient victim = visitor();

            assertForbidden(post(victim, "j_security_check", signInForm(victim, username), header));
            assertTrue(victim.sessionId().isEmpty(), "no session for a forbidden sign-in");
            assertEquals(303, victim.get("profile").status());
        }
    }

    @Test
    void anotherSitesSignOutPostIsForbiddenAndTheSessionLives() {
        WebClient alice = signedIn();
        for (String header : FOREIGN) {
            assertForbidden(post(alice, "logout", Map.of(), header));
        }
        assertEquals(200, alice.get("profile").status());
    }

    @Test
    void ourOwnOriginAndClientsWithoutEitherHeaderStillWork() {
        WebClient sameOrigin = visitor();
        String username = newUsername();
        assertEquals(303, post(sameOrigin, "register", signUpForm(sameOrigin, username), "Origin: " + ownOrigin()).status());
        assertEquals(303, post(sameOrigin, "logout", Map.of(), "Sec-Fetch-Site: same-origin").status());
        WebClient typed = visitor();
        Page signedIn = post(typed, "j_security_check", signInForm(typed, username), "Sec-Fetch-Site: none");
        assertEquals("/profile", signedIn.location());

        WebClient headerless = visitor();
        assertEquals("/profile", headerless.signIn(username, PASSWORD).location());
        assertEquals(303, headerless.post("logout", Map.of()).status());
    }

    // ----- the visitor's form token (docs/decisions/008-form-token.md)

    @Test
    void aSignInWithoutTheVisitorsOwnFormTokenSignsNobodyIn() {
        String username = newUsername();
        visitor().signUp(username, PASSWORD);
        String someoneElsesToken = visitor().get("login").formToken();
        for (String token : new String[] {null, "", "wapiti", someoneElsesToken}) {
            WebClient visitor = visitor();
            visitor.get("login");
            Map<String, String> form = new LinkedHashMap<>(Map.of("j_username", username, "j_password", PASSWORD));
            if (token != null) {
                form.put("csrf_token", token);
            }

            Page answer = visitor.post("j_security_check", form);

            assertEquals(303, answer.status(), answer::toString);
            assertEquals("/login?expired", answer.location());
            assertTrue(visitor.sessionId().isEmpty(), "no session without the token");
            assertTrue(visitor.follow(answer).body().contains("This form expired. Please sign in again."));
        }
    }

    @Test
    void aSignUpWithoutTheVisitorsOwnFormTokenStoresNothing() {
        String username = newUsername();
        String someoneElsesToken = visitor().get("register").formToken();
        for (String token : new String[] {"", "wapiti", someoneElsesToken}) {
            Page answer = visitor().submitSignUp(Map.of("username", username, "password", PASSWORD,
                    "confirmation", PASSWORD, "csrf_token", token));

            assertEquals(303, answer.status(), answer::toString);
            assertEquals("/register?expired", answer.location());
        }
        assertEquals(303, visitor().signUp(username, PASSWORD).status(), "the name must still be free");
    }

    @Test
    void theFormTokenCookieIsTheVisitorsOwnAndNoScriptOrOtherSiteSeesIt() {
        WebClient visitor = visitor();
        Page first = visitor.get("login");

        Set<String> attributes = new HashSet<>(Set.of("path=/", "httponly", "samesite=strict"));
        if (ServerRuntime.current() == ServerRuntime.PAYARA_MICRO) {
            // Payara's HTTP listener appends its own SameSite=Lax to every cookie (docker/payara/preboot.asadmin).
            attributes.add("samesite=lax");
        }
        assertEquals(attributes, first.cookieAttributes("gatehouse-csrf"));
        assertTrue(first.cookie("gatehouse-csrf").orElseThrow().startsWith("gatehouse-csrf=" + first.formToken() + ";"));
        Page again = visitor.get("register");
        assertTrue(again.cookie("gatehouse-csrf").isEmpty(), "one token per visitor, not one per page");
        assertEquals(first.formToken(), again.formToken());
        assertFalse(first.formToken().equals(visitor().get("login").formToken()), "each visitor has their own");
    }

    @Test
    void everyVisitorGetsTheSameSignInFormButWithTheirOwnToken() {
        Page first = visitor().get("login");
        Page next = visitor().get("login");
        WebClient returning = visitor();
        String returningToken = returning.get("register").formToken();
        Page returned = returning.get("login");

        assertNotEquals(first.formToken(), next.formToken());
        assertEquals(returningToken, returned.formToken(), "a visitor keeps the token they have");
        assertTrue(returned.cookie("gatehouse-csrf").isEmpty(), "and is not given another");
        for (Page page : List.of(next, returned)) {
            assertEquals(first.body().replace(first.formToken(), "TOKEN"), page.body().replace(page.formToken(), "TOKEN"));
            for (String header : List.of("Content-Type", "Content-Length", "Cache-Control", "Content-Security-Policy")) {
                assertEquals(first.header(header), page.header(header), header);
            }
        }
        assertTrue(next.cookie("gatehouse-csrf").orElseThrow().startsWith("gatehouse-csrf=" + next.formToken() + ";"));
    }

    // ----- GET /logout

    @ParameterizedTest
    @ValueSource(strings = {"Sec-Fetch-Site: cross-site", "Origin: https://evil.example"})
    void aCrossSiteSignOutLinkOnlyAsksForConfirmation(String header) {
        WebClient alice = signedIn();

        Page asked = get(alice, "logout", header);

        assertEquals(200, asked.status());
        assertHeaders(asked);
        assertTrue(asked.body().contains("<form method=\"post\" action=\"logout\">"), asked.body());
        assertTrue(asked.body().contains("<button type=\"submit\">Sign out</button>"), asked.body());
        assertTrue(asked.header("Clear-Site-Data") == null, "nothing cleared");
        assertEquals(200, alice.get("profile").status(), "still signed in");

        Page confirmed = alice.post("logout", Map.of());
        assertEquals(303, confirmed.status());
        assertEquals(303, alice.get("profile").status(), "signed out after confirming");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sec-Fetch-Site: same-origin", "Sec-Fetch-Site: none", "X-No-Such-Header: x"})
    void aSameSiteOrHeaderlessSignOutLinkSignsOutAtOnce(String header) {
        WebClient alice = signedIn();

        Page answer = get(alice, "logout", header);

        assertEquals(303, answer.status());
        assertEquals("/", answer.location());
        assertEquals(303, alice.get("profile").status());
    }

    // ----- where sign-in sends you

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/../profile", "///evil.example/../profile", "/\\evil.example/../profile",
            "/%5Cevil.example/%2E%2E/profile", "/%2F%2Fevil.example/../profile", "https:evil.example/../profile",
            "https://evil.example/profile", "javascript:alert(1)//../profile", "/\t/evil.example/../profile",
            "/profile?next=//evil.example", "/profile#//evil.example"})
    void signInOnlyEverReturnsToAPathOfOurOwn(String target) {
        String username = newUsername();
        visitor().signUp(username, PASSWORD);
        RawHttp browser = new RawHttp(baseUri(), "127.0.0.1", lastResponse);

        Page asked = browser.get(target);
        String cookie = asked.cookie("JSESSIONID").map(c -> c.substring(0, c.indexOf(';'))).orElse("JSESSIONID=none");
        Page signedIn = browser.postFromPage("/login", "/j_security_check",
                "j_username=" + username + "&j_password=" + PASSWORD.replace(' ', '+'), "Cookie: " + cookie);

        assertEquals(303, signedIn.status(), signedIn::toString);
        String location = signedIn.location();
        assertTrue(location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\"), location);
        assertEquals(baseUri().getRawAuthority(), baseUri().resolve(location).getRawAuthority(), location);
    }

    @Test
    void aReturnAddressPostedWithTheSignInIsIgnored() {
        String username = newUsername();
        visitor().signUp(username, PASSWORD);
        Map<String, String> form = new LinkedHashMap<>(Map.of("j_username", username, "j_password", PASSWORD));
        for (String field : new String[] {"next", "return", "returnTo", "redirect", "continue", "target", "j_target"}) {
            form.put(field, "//evil.example");
        }

        assertEquals("/profile", visitor().submitSignIn("j_security_check", form).location());
        assertEquals("/profile", visitor().submitSignIn("j_security_check?next=//evil.example", form).location());
    }

    private WebClient signedIn() {
        WebClient alice = visitor();
        assertEquals(303, alice.signUp(newUsername(), PASSWORD).status());
        return alice;
    }

    /** A sign-up form as our own page would post it: only the headers below say where it came from. */
    private static Map<String, String> signUpForm(WebClient visitor, String username) {
        return visitor.signUpForm(Map.of("username", username, "password", PASSWORD, "confirmation", PASSWORD));
    }

    private static Map<String, String> signInForm(WebClient visitor, String username) {
        return visitor.signInForm(Map.of("j_username", username, "j_password", PASSWORD));
    }

    private static void assertForbidden(Page answer) {
        assertEquals(403, answer.status(), answer::toString);
        assertEquals("text/plain;charset=UTF-8", answer.contentType());
        assertEquals("Forbidden", answer.body());
        assertHeaders(answer);
        assertTrue(answer.cookie("JSESSIONID").isEmpty(), "a forbidden request starts no session");
    }
}
