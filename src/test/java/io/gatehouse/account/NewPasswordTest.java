package io.gatehouse.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NewPasswordTest {

    @Test
    void aGoodPasswordTypedTheSameTwiceHasNoProblem() {
        assertEquals(Map.of(), new NewPassword("correct horse battery", "correct horse battery").problems());
    }

    @Test
    void aGoodPasswordTypedDifferentlyIsAProblemOfTheConfirmation() {
        assertEquals(Map.of("confirmation", "The passwords do not match."),
                new NewPassword("correct horse battery", "correct horse batterie").problems());
    }

    @Test
    void aPasswordTheRulesRefuseIsAProblemOfThePasswordAloneWithTheRulesMessage() {
        Map<String, String> problems = new NewPassword("short", "other").problems();

        assertEquals(Map.of("password", PasswordRule.problemWith("short").orElseThrow()), problems);
    }
}
