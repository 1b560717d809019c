package io.gatehouse.account;

import io.gatehouse.testing.GatehouseIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.gatehouse.testing.Forms.assertFieldError;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Passwords, through the real forms: length in characters, no truncation, NFKC, common passwords refused. */
class PasswordSecurityIT extends GatehouseIT {

    @ParameterizedTest
    @ValueSource(strings = {"qwerty123456", "1q2w3e4r5t6y", "PASSWORD1234", "\uff51\uff57\uff45\uff52\uff54\uff59123456"})
    void aCommonPasswordIsRefusedAtSignUp(String password) {
        assertFieldError(visitor().signUp(newUsername(), password), "password",
                "This password is one of the most common. Choose another.");
    }

    @Test
    void seventyTwoCharactersOfAnEightyCharacterPasswordDoNotSignIn() {
        String username = newUsername();
        String eighty = "An eighty character passphrase, of which bcrypt would only keep 72 bytes... 1234";
        assertEquals(80, eighty.length());
        assertEquals(303, visitor().signUp(username, eighty).status());

        assertEquals("/login?error", visitor().signIn(username, eighty.substring(0, 72)).location());
        assertEquals("/profile", visitor().signIn(username, eighty).location());
    }

    @Test
    void theSamePasswordTypedInAnotherUnicodeFormSignsIn() {
        String username = newUsername();
        assertEquals(303, visitor().signUp(username, "\uFB01ne tuned passphrase \uFF11\uFF12").status());

        assertEquals("/profile", visitor().signIn(username, "fine tuned passphrase 12").location());
    }

    @Test
    void twelveToOneHundredTwentyEightCharactersCountedAsCharacters() {
        String key = "\uD83D\uDD11";
        assertFieldError(visitor().signUp(newUsername(), key.repeat(11)), "password", "Use at least 12 characters.");
        assertFieldError(visitor().signUp(newUsername(), key.repeat(129)), "password", "Use at most 128 characters.");
        String username = newUsername();
        assertEquals(303, visitor().signUp(username, key.repeat(128)).status());
        assertEquals("/profile", visitor().signIn(username, key.repeat(128)).location());
    }
}
