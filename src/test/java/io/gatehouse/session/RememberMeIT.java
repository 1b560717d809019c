package io.gatehouse.session;

import io.gatehouse.testing.AccountPages;
import io.gatehouse.testing.ExpiredCookie;
import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.WebClient;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Keep me signed in on this device" (docs/decisions/016), told as the browser that ticked the box lives it. */
class RememberMeIT extends GatehouseIT {

    private static final String COOKIE = "gatehouse-remember";

    private final String username = newUsername();

    @BeforeEach
    void anAccountExists() {
        assertEquals(303, visitor().signUp(username, PASSWORD).status());
    }

    @Test
    void theBoxIsOnTheSignInPageAndOffByDefault() {
        String form = visitor().get("login").body();

        assertTrue(form.contains("<input id=\"remember\" name=\"remember\" type=\"checkbox\" value=\"yes\" />")
                || form.contains("<input id=\"remember\" name=\"remember\" type=\"checkbox\" value=\"yes\"/>"), form);
        assertTrue(form.contains("<label for=\"remember\">Keep me signed in on this device</label>"), form);
        assertFalse(form.contains("checked"), form);
    }

    @Test
    void withoutTheBoxNoCookieIsSet() {
        WebClient alice = visitor();

        Page signedIn = alice.signIn(username, PASSWORD);

        assertEquals(303, signedIn.status());
        assertTrue(signedIn.cookie(COOKIE).isEmpty(), signedIn.toString());
        alice.dropCookie("JSESSIONID");
        assertEquals("/login", alice.get("profile").location());
    }

    @Test
    void theCookieIsHttpOnlyLaxForTheWholeSiteAndLivesThirtyDays() {
        WebClient alice = visitor();
        Page signedIn = rememberedSignIn(alice);

        Set<String> attributes = signedIn.cookieAttributes(COOKIE);
        assertTrue(attributes.contains("httponly"), attributes.toString());
        assertTrue(attributes.contains("samesite=lax"), attributes.toString());
        assertTrue(attributes.contains("path=/"), attributes.toString());
        assertTrue(attributes.contains("max-age=" + 30 * 24 * 3600), attributes.toString());
        assertFalse(attributes.contains("secure"), "plain HTTP here: " + attributes);
        assertTrue(alice.cookie(COOKIE).orElseThrow().length() >= 22, "at least 128 bits, base64");
    }

    @Test
    void aBrowserThatLostItsSessionIsSignedInAgainOnANewSessionWithARotatedCookie() {
        WebClient alice = visitor();
        rememberedSignIn(alice);
        String session = alice.sessionId().orElseThrow();
        String token = alice.cookie(COOKIE).orElseThrow();
        alice.dropCookie("JSESSIONID");

        Page profile = alice.get("profile");

        assertEquals(200, profile.status(), profile.toString());
        assertTrue(profile.body().contains("Welcome, " + username), profile.body());
        String newSession = alice.sessionId().orElseThrow();
        assertNotEquals(session, newSession);
        assertNotEquals(token, alice.cookie(COOKIE).orElseThrow(), "the token is rotated on use");
        assertTrue(profile.cookieAttributes(COOKIE).contains("samesite=lax"), profile.toString());
        assertEquals(200, alice.get("profile").status(), "the new session holds");
        assertEquals(newSession, alice.sessionId().orElseThrow(), "no further sign-in while the session lives");

        Page sessions = alice.get("account/sessions");
        assertEquals(1, count(sessions.body(), "This device"), "registered like any other session");
        String history = alice.get("account/history").body();
        assertTrue(history.contains("Remembered device used"), history);
    }

    @Test
    void aRotatedOutTokenShownAgainEndsEveryRememberedDeviceOfTheAccount() {
        WebClient alice = visitor();
        rememberedSignIn(alice);
        String stolen = alice.cookie(COOKIE).orElseThrow();
        WebClient otherDevice = visitor();
        rememberedSignIn(otherDevice);
        alice.dropCookie("JSESSIONID");
        assertEquals(200, alice.get("profile").status());
        String fresh = alice.cookie(COOKIE).orElseThrow();

        WebClient thief = visitor();
        thief.useCookie(COOKIE, stolen);
        Page refused = thief.get("profile");

        assertEquals(303, refused.status());
        assertEquals("/login", refused.location());
        assertEquals("/login", withOnly(fresh).get("profile").location(), "the fresh token ended too");
        otherDevice.dropCookie("JSESSIONID");
        assertEquals("/login", otherDevice.get("profile").location(), "every remembered device ended");
    }

    @Test
    void signingOutEndsTheRememberedTokenAndDropsTheCookie() {
        WebClient alice = visitor();
        rememberedSignIn(alice);
        String token = alice.cookie(COOKIE).orElseThrow();

        Page signedOut = alice.get("logout");

        assertTrue(dropsTheCookie(signedOut), signedOut.toString());
        assertEquals("/login", withOnly(token).get("profile").location());
    }

    @Test
    void signingOutARememberedBrowserWithoutASessionEndsTheTokenItWasJustGiven() {
        WebClient alice = visitor();
        rememberedSignIn(alice);
        String token = alice.cookie(COOKIE).orElseThrow();
        alice.dropCookie("JSESSIONID");

        assertEquals(303, alice.get("logout").status());

        assertEquals("/login", withOnly(token).get("profile").location(), "the token sent");
        assertTrue(alice.cookie(COOKIE).isEmpty(), "the browser dropped the cookie");
    }

    @Test
    void signingOutEverywhereElseEndsTheRememberedDevices() {
        WebClient a = visitor();
        a.signIn(username, PASSWORD);
        WebClient b = visitor();
        rememberedSignIn(b);
        String token = b.cookie(COOKIE).orElseThrow();

        AccountPages.confirmPassword(a, PASSWORD);
        assertEquals("/account/sessions?ended-others", AccountPages.signOutEverywhereElse(a).location());

        assertEquals("/login", b.get("profile").location(), "B's session ended");
        assertEquals("/login", withOnly(token).get("profile").location(), "and B's remembered device");
        assertEquals(200, a.get("profile").status(), "A stays");
    }

    @Test
    void aRememberedDeviceIsListedAndSignedOutFromAnotherWithThePassword() {
        WebClient a = visitor();
        a.signIn(username, PASSWORD);
        WebClient b = visitor().as("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
        rememberedSignIn(b);
        String token = b.cookie(COOKIE).orElseThrow();

        Page before = a.get("account/sessions");
        assertTrue(before.body().contains("Devices that stay signed in"), before.body());
        assertEquals(1, count(before.body(), "class=\"remembered-device\""), before.body());
        assertTrue(before.body().contains("Firefox 128 on Linux"), before.body());
        assertFalse(before.body().contains("name=\"device\""), "no sign-out button before the password is confirmed");
        assertEquals("/account/sessions?confirm-first",
                a.post("account/sessions/forget-device", AccountPages.sessionsForm(a, Map.of("device", "x"))).location());

        AccountPages.confirmPassword(a, PASSWORD);
        String listed = a.get("account/sessions").body();
        Matcher device = Pattern.compile("name=\"device\" value=\"([^\"]+)\"").matcher(listed);
        assertTrue(device.find(), listed);
        assertFalse(token.contains(device.group(1)) || listed.contains(token), "the token is never on the page");
        assertEquals("/account/sessions?gone",
                a.post("account/sessions/forget-device", AccountPages.sessionsForm(a, Map.of("device", "made-up"))).location());

        assertEquals("/account/sessions?ended",
                a.post("account/sessions/forget-device", AccountPages.sessionsForm(a, Map.of("device", device.group(1)))).location());

        assertFalse(a.get("account/sessions").body().contains("remembered-device"));
        assertEquals("/login", withOnly(token).get("profile").location(), "the device's token ended");
    }

    @Test
    void aMadeUpCookieIsDroppedAndSignsNobodyIn() {
        WebClient mallory = withOnly("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Page profile = mallory.get("profile");

        assertEquals(303, profile.status());
        assertEquals("/login", profile.location());
        assertTrue(dropsTheCookie(profile), profile.toString());
        assertEquals(200, visitor().get("").status(), "the home page is unaffected");
    }

    private Page rememberedSignIn(WebClient client) {
        Page signedIn = client.signInAndRemember(username, PASSWORD);
        assertEquals(303, signedIn.status(), signedIn.toString());
        assertTrue(signedIn.cookie(COOKIE).isPresent(), signedIn.toString());
        return signedIn;
    }

    /** A browser that holds nothing but this remember-me cookie, as a copied or stolen one would be. */
    private WebClient withOnly(String token) {
        WebClient client = visitor();
        client.useCookie(COOKIE, token);
        return client;
    }

    private static boolean dropsTheCookie(Page page) {
        String setCookie = page.cookie(COOKIE).orElseThrow();
        return setCookie.startsWith(COOKIE + "=;") && ExpiredCookie.expiresNow(setCookie);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
