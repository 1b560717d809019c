package io.gatehouse.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommonPasswordsTest {

    @Test
    void theListShipsWithItsSourceAndLicenceAndAtLeastTheTopThreeThousand() throws IOException {
        List<String> lines;
        try (InputStream in = CommonPasswords.class.getResourceAsStream("common-passwords.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        String header = String.join("\n", lines.stream().takeWhile(line -> line.startsWith("#")).toList());
        assertTrue(header.contains("zxcvbn 4.4.2") && header.contains("Permission is hereby granted"), header);
        List<String> passwords = lines.stream().filter(line -> !line.startsWith("#")).toList();
        assertEquals(List.of("123456", "password", "12345678"), passwords.subList(0, 3), "most common first");
        assertEquals(30_000, CommonPasswords.size());
        assertTrue(passwords.subList(0, 3_000).stream().allMatch(CommonPasswords::contains));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1q2w3e4r5t6y", "qwerty123456", "QWERTY123456", "password1234", "qazwsxedcrfv",
            "\uff51\uff57\uff45\uff52\uff54\uff59123456"}) // full-width "qwerty" + digits, NFKC folds it
    void aCommonPasswordOfTwelveCharactersOrMoreIsRefused(String password) {
        assertTrue(CommonPasswords.contains(password));
        assertEquals(Optional.of(PasswordRule.TOO_COMMON), PasswordRule.problemWith(password));
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "aaaaaaaaaaaa", "qwerty123456!"})
    void aRarePasswordIsAllowed(String password) {
        assertFalse(CommonPasswords.contains(password));
        assertEquals(Optional.empty(), PasswordRule.problemWith(password));
    }
}
