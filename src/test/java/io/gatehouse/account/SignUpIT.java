package io.gatehouse.account;

import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static io.gatehouse.testing.Forms.assertFieldError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignUpIT extends GatehouseIT {

    @Test
    void theFormLabelsEveryFieldAndAsksForTheRightAutocomplete() {
        String form = visitor().get("register").body();

        assertTrue(form.contains("<label for=\"username\""), form);
        assertTrue(form.contains("<label for=\"password\""), form);
        assertTrue(form.contains("<label for=\"confirmation\""), form);
        assertTrue(Pattern.compile("id=\"username\"[^>]*autocomplete=\"username\"").matcher(form).find(), form);
        assertTrue(Pattern.compile("id=\"password\"[^>]*autocomplete=\"new-password\"").matcher(form).find(), form);
        assertTrue(Pattern.compile("id=\"confirmation\"[^>]*autocomplete=\"new-password\"").matcher(form).find(), form);
    }

    @Test
    void signingUpSignsInOnANewSessionAndShowsTheProfile() {
        WebClient alice = visitor();
        String username = newUsername();
        alice.get("profile");
        String anonymousSession = alice.sessionId().orElseThrow();

        Page answer = alice.signUp(username, PASSWORD);

        assertEquals(303, answer.status());
        assertEquals("/profile", answer.location());
        assertEquals("no-store", answer.header("Cache-Control"));
        assertNotEquals(anonymousSession, alice.sessionId().orElseThrow(), "session id must change at sign-in");
        assertTrue(answer.cookieAttributes("JSESSIONID").containsAll(Set.of("httponly", "samesite=lax", "path=/")),
                answer.cookie("JSESSIONID").orElseThrow());
        Page profile = alice.follow(answer);
        assertEquals(200, profile.status());
        assertEquals("no-store", profile.header("Cache-Control"));
        assertTrue(profile.body().contains("Welcome, " + username), profile.body());
        assertTrue(profile.body().matches("(?s).*Account created on <time>\\d{1,2} \\w+ \\d{4} at \\d\\d:\\d\\d UTC</time>.*"));
        assertTrue(profile.body().contains("href=\"logout\""), "sign-out link");
        assertTrue(alice.get("").body().contains("Signed in as <strong>" + username + "</strong>"));
    }

    @Test
    void aTakenNameIsRefusedWhateverItsCase() {
        String username = newUsername();
        visitor().signUp(username, PASSWORD);

        Page again = visitor().signUp(username.toUpperCase(), PASSWORD);

        assertFieldError(again, "username", "That username is taken. Choose another.");
    }

    @Test
    void passwordsThatDifferAreRefused() {
        assertFieldError(visitor().signUp(newUsername(), PASSWORD, PASSWORD + "!"),
                "confirmation", "The passwords do not match.");
    }

    @Test
    void aPasswordOutsideTwelveToOneHundredTwentyEightCharactersIsRefused() {
        assertFieldError(visitor().signUp(newUsername(), "elevenchars"), "password", "Use at least 12 characters.");
        assertFieldError(visitor().signUp(newUsername(), "p".repeat(129)), "password", "Use at most 128 characters.");
    }

    @Test
    void aRefusedSignUpStoresNothing() {
        String username = newUsername();
        visitor().signUp(username, PASSWORD, "something else entirely");

        assertEquals(303, visitor().signUp(username, PASSWORD).status(), "the name must still be free");
    }

    @Test
    void twentyPeopleRacingForOneNameMakeExactlyOneAccount() throws Exception {
        String username = newUsername();
        int racers = 20;
        List<Future<Page>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        for (int racer = 0; racer < racers; racer++) {
            String password = PASSWORD + " " + racer;
            answers.add(pool.submit(() -> visitor().signUp(username, password)));
        }
        pool.shutdown();
        int winner = -1;
        for (int racer = 0; racer < racers; racer++) {
            Page answer = answers.get(racer).get();
            assertTrue(answer.status() < 500, "racer " + racer + " got " + answer.status());
            if (answer.status() == 303) {
                assertEquals(-1, winner, "two racers won");
                winner = racer;
            } else {
                assertFieldError(answer, "username", "That username is taken. Choose another.");
            }
        }
        assertNotEquals(-1, winner, "nobody won");
        assertEquals(303, visitor().signIn(username, PASSWORD + " " + winner).status());
        assertEquals("/login?error", visitor().signIn(username, PASSWORD + " " + (winner + 1) % racers).location());
    }
}
