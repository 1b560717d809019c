package io.gatehouse.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameRuleTest {

    private static final Optional<String> BAD_NAME =
            Optional.of("Use 3 to 32 letters, digits, dots, underscores or hyphens.");

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingNameAsksForOne(String username) {
        assertFalse(UsernameRule.allows(username));
        assertEquals(Optional.of("Enter a username."), UsernameRule.problemWith(username));
    }

    @Test
    void threeToThirtyTwoCharactersAreAllowed() {
        assertEquals(Optional.empty(), UsernameRule.problemWith("abc"));
        assertEquals(Optional.empty(), UsernameRule.problemWith("a".repeat(32)));
    }

    @Test
    void twoOrThirtyThreeCharactersAreRefused() {
        assertEquals(BAD_NAME, UsernameRule.problemWith("ab"));
        assertEquals(BAD_NAME, UsernameRule.problemWith("a".repeat(33)));
    }

    @Test
    void asciiLettersDigitsDotsUnderscoresAndHyphensAreAllowed() {
        assertTrue(UsernameRule.allows("Ada.Lovelace_1815-x"));
        assertTrue(UsernameRule.allows("..."));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ada lovelace",     // space
            "ada@example",      // at sign
            "ada/..",           // slash
            "adé",              // accented letter
            "\u0430da",         // Cyrillic a, looks like "ada"
            "\uff41\uff44\uff41", // full-width "ada"
            "ada\n",            // trailing newline
            "ada\u0000",        // NUL
    })
    void anyOtherCharacterIsRefused(String username) {
        assertFalse(UsernameRule.allows(username));
        assertEquals(BAD_NAME, UsernameRule.problemWith(username));
    }
}
