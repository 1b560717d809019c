package io.gatehouse.account;

import java.util.Optional;

/**
 * A password is 12 to 128 characters, any characters at all, with no composition rules (OWASP ASVS 2.1), and not
 * one of the most common passwords. Length counts code points, so an emoji is one character; nothing is ever
 * truncated.
 */
public final class PasswordRule {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    static final String TOO_COMMON = "This password is one of the most common. Choose another.";

    private PasswordRule() {
    }

    public static boolean allows(String password) {
        return problemWith(password).isEmpty();
    }

    public static Optional<String> problemWith(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        if (isTooLong(password)) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (CommonPasswords.contains(password)) {
            return Optional.of(TOO_COMMON);
        }
        return Optional.empty();
    }

    /** No stored password is this long, so sign-in can refuse it without spending a hash on it. */
    public static boolean isTooLong(String password) {
        // The UTF-16 length is checked first, so a megabyte of input is refused without counting it.
        return password.length() > 2 * MAX_LENGTH || password.codePointCount(0, password.length()) > MAX_LENGTH;
    }
}
