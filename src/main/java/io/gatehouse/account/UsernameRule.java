package io.gatehouse.account;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A username is 3 to 32 ASCII letters, digits, dots, underscores or hyphens. ASCII only, so that a name written
 * with look-alike letters from another script (Cyrillic "а" for Latin "a") cannot pass for someone else's.
 */
public final class UsernameRule {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{3,32}");

    private UsernameRule() {
    }

    public static boolean allows(String username) {
        return username != null && ALLOWED.matcher(username).matches();
    }

    public static Optional<String> problemWith(String username) {
        if (username == null || username.isEmpty()) {
            return Optional.of("Enter a username.");
        }
        if (!allows(username)) {
            return Optional.of("Use 3 to 32 letters, digits, dots, underscores or hyphens.");
        }
        return Optional.empty();
    }
}
