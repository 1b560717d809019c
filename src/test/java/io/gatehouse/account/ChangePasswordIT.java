package io.gatehouse.account;

import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.OwnServer;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.WebClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.gatehouse.testing.AccountPages.changePassword;
import static io.gatehouse.testing.AccountPages.changePasswordForm;
import static io.gatehouse.testing.Forms.assertFieldError;
import static io.gatehouse.testing.GatehouseIT.PASSWORD;
import static io.gatehouse.testing.GatehouseIT.newUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /account/password, with two clients A and B signed in as the same person. */
class ChangePasswordIT {

    /** Its wrong passwords would use up the sign-in throttle's allowance for 127.0.0.1 on the suite's server. */
    @RegisterExtension
    static final OwnServer server = OwnServer.forWrongPasswords();

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    private static final String NEW_PASSWORD = "a new and rather longer phrase";

    @Test
    void aPasswordChangeOnAEndsBAndKeepsAOnANewSessionId() {
        String username = newUsername();
        WebClient a = visitor();
        WebClient b = visitor();
        a.signUp(username, PASSWORD);
        b.signIn(username, PASSWORD);
        String before = a.sessionId().orElseThrow();

        Page answer = changePassword(a, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertEquals(303, answer.status());
        assertEquals("/account/password?changed", answer.location());
        assertNotEquals(before, a.sessionId().orElseThrow(), "the same session id after a password change");
        assertTrue(a.follow(answer).body().contains("Your password is changed."));
        assertEquals(200, a.get("profile").status(), "A stays");
        assertEquals("/login", b.get("profile").location(), "B was not ended");
        WebClient thief = visitor();
        thief.useSessionId(before);
        assertEquals("/login", thief.get("profile").location(), "A's old id still works");
        assertEquals("/login?error", visitor().signIn(username, PASSWORD).location(), "the old password works");
        assertEquals(303, visitor().signIn(username, NEW_PASSWORD).status());
    }

    @Test
    void aPasswordChangeOnAEndsBsRememberedDevice() {
        String username = newUsername();
        WebClient a = visitor();
        WebClient b = visitor();
        a.signUp(username, PASSWORD);
        b.signInAndRemember(username, PASSWORD);
        String token = b.cookie("gatehouse-remember").orElseThrow();

        assertEquals("/account/password?changed", changePassword(a, PASSWORD, NEW_PASSWORD, NEW_PASSWORD).location());

        WebClient withTheToken = visitor();
        withTheToken.useCookie("gatehouse-remember", token);
        assertEquals("/login", withTheToken.get("profile").location(), "B's remembered device still signs in");
    }

    @Test
    void theNewPasswordFollowsSignUpsRulesAndMessages() {
        WebClient a = visitor();
        a.signUp(newUsername(), PASSWORD);

        assertFieldError(changePassword(a, PASSWORD, "short", "short"), "password",
                PasswordRule.problemWith("short").orElseThrow());
        assertFieldError(changePassword(a, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!"), "confirmation",
                "The passwords do not match.");
        assertEquals(200, a.get("profile").status());
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndThrottledLikeASignIn() {
        String username = newUsername();
        WebClient a = visitor();
        a.signUp(username, PASSWORD);

        for (int attempt = 0; attempt < 6; attempt++) {
            assertFieldError(changePassword(a, "not the password", NEW_PASSWORD, NEW_PASSWORD), "current", "Wrong password.");
        }
        assertFieldError(changePassword(a, PASSWORD, NEW_PASSWORD, NEW_PASSWORD), "current", "Wrong password.");
        assertEquals("/login?error", visitor().signIn(username, PASSWORD).location(), "not counted as sign-ins");
    }

    @Test
    void aPostWithoutTheFormTokenChangesNothing() {
        String username = newUsername();
        WebClient a = visitor();
        a.signUp(username, PASSWORD);
        Map<String, String> form = changePasswordForm(a, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        form.remove("csrf_token");

        assertEquals("/account/password?expired", a.post("account/password", form).location());
        assertEquals(303, visitor().signIn(username, PASSWORD).status(), "the password changed");
    }

    private WebClient visitor() {
        return server.visitor(lastResponse);
    }
}
