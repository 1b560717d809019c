package io.gatehouse.testing;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How each runtime tells a browser to drop a cookie, read the way a browser reads it. */
public final class ExpiredCookie {

    private static final Pattern MAX_AGE_ZERO = Pattern.compile("(?i);\\s*Max-Age=0\\s*(;|$)");
    private static final Pattern EXPIRES = Pattern.compile("(?i);\\s*Expires=([^;]+)");

    private ExpiredCookie() {
    }

    /**
     * Max-Age=0, or an Expires date already past in either form browsers read: Tomcat and Payara 6 send
     * "Thu, 01 Jan 1970 00:00:00 GMT", Payara 7 "Thu, 01-Jan-1970 00:00:10 GMT" and no Max-Age.
     */
    public static boolean expiresNow(String setCookie) {
        if (MAX_AGE_ZERO.matcher(setCookie).find()) {
            return true;
        }
        Matcher expires = EXPIRES.matcher(setCookie);
        return expires.find() && ZonedDateTime.parse(expires.group(1).trim().replace('-', ' '),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().isBefore(Instant.now());
    }
}
