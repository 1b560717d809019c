package io.gatehouse.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class PasswordRuleTest {

    /** One code point, two UTF-16 chars. */
    private static final String EMOJI = "\uD83D\uDD11";

    private static final Optional<String> TOO_SHORT = Optional.of("Use at least 12 characters.");
    private static final Optional<String> TOO_LONG = Optional.of("Use at most 128 characters.");

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingPasswordAsksForOne(String password) {
        assertFalse(PasswordRule.allows(password));
        assertEquals(Optional.of("Enter a password."), PasswordRule.problemWith(password));
    }

    @Test
    void twelveToOneHundredTwentyEightCharactersAreAllowed() {
        assertEquals(Optional.empty(), PasswordRule.problemWith("a".repeat(12)));
        assertEquals(Optional.empty(), PasswordRule.problemWith("a".repeat(128)));
    }

    @Test
    void elevenCharactersAreTooShort() {
        assertEquals(TOO_SHORT, PasswordRule.problemWith("a".repeat(11)));
    }

    @Test
    void oneHundredTwentyNineCharactersAreTooLong() {
        assertEquals(TOO_LONG, PasswordRule.problemWith("a".repeat(129)));
        assertTrue(PasswordRule.isTooLong("a".repeat(129)));
        assertFalse(PasswordRule.isTooLong("a".repeat(128)));
    }

    @Test
    void anyCharactersAreAllowedWithoutCompositionRules() {
        assertTrue(PasswordRule.allows("correct horse battery staple"));
        assertTrue(PasswordRule.allows("            "));
        assertTrue(PasswordRule.allows("pässwörd ñ 密码 \u0000\t"));
    }

    @Test
    void anEmojiCountsAsOneCharacter() {
        assertEquals(TOO_SHORT, PasswordRule.problemWith(EMOJI.repeat(11)));
        assertEquals(Optional.empty(), PasswordRule.problemWith(EMOJI.repeat(12)));
        assertEquals(Optional.empty(), PasswordRule.problemWith(EMOJI.repeat(128)));
    }

    @Test
    void oneHundredTwentyNineEmojiAreTooLong() {
        assertEquals(TOO_LONG, PasswordRule.problemWith(EMOJI.repeat(129)));
        assertTrue(PasswordRule.isTooLong(EMOJI.repeat(129)));
        assertFalse(PasswordRule.isTooLong(EMOJI.repeat(128)));
    }

    @Test
    void aMillionCharactersAreRefusedAtOnce() {
        String huge = "a".repeat(1_000_000);
        assertTimeoutPreemptively(Duration.ofMillis(100), () -> {
            assertTrue(PasswordRule.isTooLong(huge));
            assertEquals(TOO_LONG, PasswordRule.problemWith(huge));
        });
    }
}
