package io.gatehouse.web;

import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.Page;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.gatehouse.testing.Forms.assertFieldError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets a clear answer and loses nothing: never a 5xx, never a stack trace. */
class BadInputIT extends GatehouseIT {

    @Test
    void emptyFieldsAreNamedBesideTheField() {
        Page answer = visitor().signUp("", "", "");

        assertFieldError(answer, "username", "Enter a username.");
        assertFieldError(answer, "password", "Enter a password.");
    }

    @Test
    void missingFieldsAreNamedBesideTheField() {
        assertFieldError(visitor().submitSignUp(Map.of()), "username", "Enter a username.");
    }

    @Test
    void aTenThousandCharacterNameIsRefused() {
        String name = "n".repeat(10_000);

        Page answer = visitor().signUp(name, PASSWORD);

        assertFieldError(answer, "username", "Use 3 to 32 letters, digits, dots, underscores or hyphens.");
    }

    @Test
    void aOneMegabytePasswordIsRefused() {
        String password = "p".repeat(1_000_000);

        Page answer = visitor().signUp(newUsername(), password);

        assertFieldError(answer, "password", "Use at most 128 characters.");
        assertFalse(answer.body().contains("ppppppppppppppppp"), "the password must not be echoed");
    }

    @Test
    void aTamperedViewStateSendsBackAFreshForm() {
        Page answer = visitor().submitSignUp(withViewState(newUsername(), "-4711:0815<script>"));

        assertExpired(answer);
    }

    @Test
    void anExpiredViewStateSendsBackAFreshFormAndStoresNothing() {
        String username = newUsername();
        String unknownServerState = "1234567890123456789:-987654321987654321";

        assertExpired(visitor().submitSignUp(withViewState(username, unknownServerState)));
        assertEquals(303, visitor().signUp(username, PASSWORD).status(), "the name must still be free");
    }

    @Test
    void aThreeMegabyteSignInIsRefusedAsTooLarge() {
        String body = "j_username=alice&j_password=" + "x".repeat(3 * 1024 * 1024);

        Page answer = visitor().send(visitor().request("j_security_check")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertEquals(413, answer.status());
        assertPlain(answer, "Content Too Large");
    }

    @Test
    void aSignInWithoutItsFieldsIsAWrongSignIn() {
        Page answer = visitor().submitSignIn("j_security_check", Map.of("j_username", "alice"));

        assertEquals(303, answer.status());
        assertEquals("/login?error", answer.location());
    }

    @Test
    void aMethodThePageDoesNotTakeIsAPlainMethodNotAllowed() {
        Page answer = visitor().send(visitor().request("logout").DELETE());

        assertEquals(405, answer.status());
        assertPlain(answer, "Method Not Allowed");
    }

    private static Map<String, String> withViewState(String username, String viewState) {
        return Map.of("username", username, "password", PASSWORD, "confirmation", PASSWORD,
                "jakarta.faces.ViewState", viewState);
    }

    private void assertExpired(Page answer) {
        assertEquals(303, answer.status());
        assertEquals("/register?expired", answer.location());
        Page fresh = visitor().get(answer.location());
        assertEquals(200, fresh.status());
        assertTrue(fresh.body().contains("This form expired. Please fill it in again."), fresh.body());
    }

    private static void assertPlain(Page answer, String body) {
        assertEquals("text/plain;charset=UTF-8", answer.contentType());
        assertEquals(body, answer.body());
    }
}
