package io.gatehouse.config;

import java.util.regex.Pattern;

/** A JDBC URL may carry its password (PostgreSQL's {@code ?password=}, H2's {@code ;PASSWORD=}): logs name it without. */
public final class Passwords {

    private static final Pattern IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    private Passwords() {
    }

    public static String hiddenIn(String url) {
        return IN_URL.matcher(url).replaceAll("$1***");
    }
}
