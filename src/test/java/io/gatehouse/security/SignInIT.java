package io.gatehouse.security;

import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.WebClient;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInIT extends GatehouseIT {

    private String username;

    @BeforeEach
    void anAccountExists() {
        username = newUsername();
        assertEquals(303, visitor().signUp(username, PASSWORD).status());
    }

    @Test
    void theSignInPageIsAPlainServletFormLogin() {
        String form = visitor().get("login").body();

        assertTrue(form.contains("<form method=\"post\" action=\"j_security_check\">"), form);
        assertTrue(Pattern.compile("name=\"j_username\"[^>]*autocomplete=\"username\"").matcher(form).find(), form);
        assertTrue(Pattern.compile("name=\"j_password\"[^>]*autocomplete=\"current-password\"").matcher(form).find(), form);
        assertTrue(form.contains("<label for=\"j_username\">"), form);
        assertTrue(form.contains("<label for=\"j_password\">"), form);
    }

    @Test
    void aVisitorAskingForTheProfileSignsInAndLandsOnIt() {
        WebClient visitor = visitor();
        Page asked = visitor.get("profile");
        assertEquals(303, asked.status());
        assertEquals("/login", asked.location());
        String before = visitor.sessionId().orElseThrow();

        Page signedIn = visitor.signIn(username, PASSWORD);

        assertEquals(303, signedIn.status());
        assertEquals("no-store", signedIn.header("Cache-Control"));
        assertNotEquals(before, visitor.sessionId().orElseThrow(), "session id must change at sign-in");
        Page profile = visitor.follow(signedIn);
        assertEquals("/profile", profile.uri().getPath());
        assertTrue(profile.body().contains("Welcome, " + username), profile.body());
    }

    @Test
    void theAskedForPageKeepsItsQuery() {
        WebClient visitor = visitor();
        visitor.get("profile?tab=1");

        assertEquals("/profile?tab=1", visitor.signIn(username, PASSWORD).location());
    }

    @Test
    void signingInStraightFromTheSignInPageLandsOnTheProfile() {
        WebClient visitor = visitor();
        visitor.get("login");

        Page signedIn = visitor.signIn(username.toUpperCase(), PASSWORD);

        assertEquals(303, signedIn.status());
        assertEquals("/profile", signedIn.location());
        assertTrue(visitor.follow(signedIn).body().contains("Welcome, " + username), "the name as registered");
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() {
        Page wrongPassword = visitor().signIn(username, PASSWORD + "?");
        Page unknownName = visitor().signIn(newUsername(), PASSWORD);

        for (Page answer : new Page[] {wrongPassword, unknownName}) {
            assertEquals(303, answer.status());
            assertEquals("/login?error", answer.location());
            assertTrue(answer.cookie("JSESSIONID").isEmpty(), "a failed sign-in starts no session");
        }
        Page errorPage = visitor().get("login?error");
        assertTrue(errorPage.body().contains("Wrong username or password."), errorPage.body());
    }

    @Test
    void aFailedSignInLeavesTheVisitorAnonymous() {
        WebClient visitor = visitor();
        visitor.signIn(username, "not the password at all");

        Page profile = visitor.get("profile");

        assertEquals(303, profile.status());
        assertEquals("/login", profile.location());
    }

    @Test
    void credentialsInAQueryStringNeverSignIn() {
        WebClient visitor = visitor();
        Page answer = visitor.get("j_security_check?j_username=" + username + "&j_password=" + PASSWORD.replace(' ', '+'));

        assertEquals(405, answer.status());
        assertEquals(303, visitor.get("profile").status());
        assertFalse(visitor.get("").body().contains("Signed in as"));
    }

    @Test
    void aSignInFormPostedWhileSignedInIsCheckedLikeAnyOther() {
        WebClient alice = visitor();
        alice.signUp(newUsername(), PASSWORD);

        assertEquals("/login?error", alice.signIn(username, PASSWORD + "?").location());
        assertEquals("/login?expired", alice.post("j_security_check",
                java.util.Map.of("j_username", username, "j_password", PASSWORD)).location());
        assertFalse(alice.follow(alice.get("profile")).body().contains("Welcome, " + username), "not signed in as another");
    }

    @Test
    void signingInAsSomeoneElseWhileSignedInEndsTheOldSession() {
        WebClient visitor = visitor();
        visitor.signUp(newUsername(), PASSWORD);
        String oldSession = visitor.sessionId().orElseThrow();

        Page signedIn = visitor.signIn(username, PASSWORD);

        assertEquals("/profile", signedIn.location());
        assertNotEquals(oldSession, visitor.sessionId().orElseThrow());
        assertTrue(visitor.follow(signedIn).body().contains("Welcome, " + username));
        WebClient oldCookie = visitor();
        oldCookie.useSessionId(oldSession);
        assertEquals(303, oldCookie.get("profile").status(), "the old session is over");
    }
}
