package io.gatehouse.testing;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every answer must be, whatever was asked: headers on, nothing leaked, never a 5xx. */
public final class SafeAnswer {

    /** Words that only a stack trace, an exception, a JDBC URL or a server banner would put on a page. */
    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("Exception"),
            Pattern.compile("\\bat [a-z]+\\.[a-z]+\\."),
            Pattern.compile("\\b(io\\.gatehouse|org\\.apache|org\\.h2|org\\.postgresql|com\\.zaxxer|com\\.sun\\.faces|org\\.jboss|java\\.lang|java\\.sql)\\b"),
            Pattern.compile("jdbc:", Pattern.CASE_INSENSITIVE),
            Pattern.compile("Tomcat|Mojarra|Weld|Soteria|HikariCP|Flyway", Pattern.CASE_INSENSITIVE),
            Pattern.compile("<web-app|<Context|BeanManager|ErrorReportValve"));

    private SafeAnswer() {
    }

    /** Any 2xx, 3xx or 4xx, without a leak: what every bad input must get while the database is up. */
    public static void assertSafe(Page page) {
        assertTrue(page.status() >= 200 && page.status() < 500, () -> "status " + page.status() + " for " + page);
        assertNoLeak(page);
    }

    /** Whatever the status, nothing on the page that only a stack trace or a banner would put there. */
    public static void assertNoLeak(Page page) {
        assertNothingNamed(page);
        assertHeaders(page);
    }

    /**
     * The server's own answer to a request the application never saw (a malformed request line, say), on a runtime
     * whose connector answers with a page of its own rather than ours: no 5xx, and nothing named, whatever it looks like.
     */
    public static void assertSafeConnectorAnswer(Page page) {
        assertTrue(page.status() >= 200 && page.status() < 500, () -> "status " + page.status() + " for " + page);
        assertNothingNamed(page);
    }

    private static void assertNothingNamed(Page page) {
        for (Pattern leak : LEAKS) {
            assertFalse(leak.matcher(page.body()).find(), () -> "leaks /" + leak + "/:\n" + page);
        }
        assertNoVersion(page);
    }

    private static void assertNoVersion(Page page) {
        String server = page.header("Server");
        assertTrue(server == null || !server.matches(".*\\d.*"), "Server: " + server);
    }

    /** The headers of SecurityHeaders, a charset, and no server version, on any answer at all. */
    public static void assertHeaders(Page page) {
        assertEquals("nosniff", page.header("X-Content-Type-Options"), page::toString);
        String csp = page.header("Content-Security-Policy");
        assertNotNull(csp, page::toString);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertNotNull(page.header("Referrer-Policy"), page::toString);
        String type = page.contentType();
        assertTrue(type != null && type.toLowerCase().contains("charset=utf-8"), () -> "Content-Type " + type + ":\n" + page);
        assertNoVersion(page);
    }

    /** An error answer is the plain status reason, nothing more. */
    public static void assertPlainError(Page page) {
        assertNoLeak(page);
        assertTrue(page.status() >= 400, page::toString);
        assertEquals("text/plain;charset=UTF-8", page.contentType(), page::toString);
        assertTrue(page.body().matches("[A-Z][A-Za-z ]{2,40}"), page::toString);
    }
}
