package io.gatehouse.web;

import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.OwnServer;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.RawHttp;
import io.gatehouse.testing.ServerRuntime;
import io.gatehouse.testing.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.gatehouse.testing.GatehouseIT.PASSWORD;
import static io.gatehouse.testing.Forms.assertFieldError;
import static io.gatehouse.testing.SafeAnswer.assertPlainError;
import static io.gatehouse.testing.SafeAnswer.assertSafe;
import static io.gatehouse.testing.SafeAnswer.assertSafeConnectorAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Errors, inputs and headers, on a server of this runtime with its shipped defaults (its connector answers some of
 * these itself; the bad sign-ins would throttle 127.0.0.1 on the shared one): whatever an attacker or a clumsy
 * client sends, the answer is a 4xx or a form message, never a 5xx, never a stack trace, exception text, class name,
 * JDBC URL or server version, and always with the security headers.
 */
class InputSecurityIT {

    private static final Logger LOG = Logger.getLogger(InputSecurityIT.class.getName());
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger FROM_THE_CONNECTOR = new AtomicInteger();

    @RegisterExtension
    static final OwnServer server = OwnServer.defaults();

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    @AfterAll
    static void count() {
        LOG.info(() -> "bad inputs tried on " + server.runtime() + ": " + TRIED.get() + ", none answered 5xx or leaked; "
                + FROM_THE_CONNECTOR.get() + " answered by the server itself, without our headers");
    }

    private WebClient visitor() {
        return server.visitor(lastResponse);
    }

    private RawHttp raw() {
        return new RawHttp(server.base(), "127.0.0.1", lastResponse);
    }

    private Page tried(Page page) {
        TRIED.incrementAndGet();
        if (fromTheConnector(page)) {
            FROM_THE_CONNECTOR.incrementAndGet();
            assertConnectorServedNothing(page);
        } else {
            assertSafe(page);
        }
        return page;
    }

    /**
     * An answer without our headers is the server's own, to a request the application never saw. The launcher
     * answers those as plainly as the application does (PlainErrorReportValve), so there it must never happen.
     */
    private static boolean fromTheConnector(Page page) {
        return server.runtime() != ServerRuntime.LAUNCHER && page.header("X-Content-Type-Options") == null;
    }

    /**
     * A standalone server's own answer only has to serve nothing and name nothing: Tomcat's 400 page; Payara's
     * empty 400, its empty 405 to TRACE, its empty 200 to an undecodable escape ({@code /%zz}), its 301 from
     * {@code /WEB-INF} to {@code /WEB-INF/} (a 404) and from {@code /static/..;/WEB-INF/web.xml} to {@code /}.
     */
    private void assertConnectorServedNothing(Page page) {
        assertSafeConnectorAnswer(page);
        if (page.status() == 200) {
            assertEquals("", page.body(), page::toString);
        } else if (page.status() == 301) {
            String location = page.location();
            assertTrue(location.startsWith(server.base().toString()), page::toString);
            Page next = raw().get(location.substring(server.base().toString().length() - 1));
            assertTrue(next.status() == 200 && next.body().contains("Gatehouse") || next.status() == 404, next::toString);
        } else {
            assertTrue(page.status() >= 400, page::toString);
        }
    }

    /** A refusal in plain text with our headers, or on a standalone server possibly its connector's own. */
    private void assertPlainRefusal(Page page) {
        if (!fromTheConnector(page)) {
            assertPlainError(page);
        }
    }

    // ----- oversized input

    @Test
    void aTenThousandCharacterNameIsAFormMessage() {
        String name = "n".repeat(10_000);

        assertFieldError(tried(visitor().signUp(name, PASSWORD)), "username",
                "Use 3 to 32 letters, digits, dots, underscores or hyphens.");
        assertEquals("/login?error", tried(visitor().signIn(name, PASSWORD)).location());
    }

    @Test
    void aOneMegabytePasswordIsAFormMessageOrTooLarge() {
        String password = "p".repeat(1_000_000);

        assertFieldError(tried(visitor().signUp("u" + System.nanoTime(), password)), "password", "Use at most 128 characters.");
        Page signIn = tried(visitor().signIn("alice", password));
        assertEquals(413, signIn.status());
        assertPlainError(signIn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/register", "/j_security_check", "/logout", "/", "/nope", "/login"})
    void aThreeMegabyteBodyIsTooLarge(String path) {
        byte[] body = ("a=" + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);

        Page answer = tried(raw().send("POST " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded", body));

        assertEquals(413, answer.status(), answer::toString);
        assertPlainError(answer);
    }

    @Test
    void aTwentyKilobyteHeaderIsABadRequest() {
        Page answer = tried(raw().send("GET / HTTP/1.1\r\nX-Padding: " + "h".repeat(20_000), new byte[0]));

        assertTrue(answer.status() == 400 || answer.status() == 431, answer::toString);
        assertPlainRefusal(answer);
    }

    @Test
    void aTwentyKilobyteUrlIsRefused() {
        for (String target : new String[] {"/" + "u".repeat(20_000), "/login?q=" + "u".repeat(20_000)}) {
            Page answer = tried(raw().get(target));
            assertTrue(answer.status() == 400 || answer.status() == 414, answer::toString);
            assertPlainRefusal(answer);
        }
    }

    // ----- control characters and encodings

    static Stream<String> nastyTargets() {
        return Stream.of(
                "/a%00b", "/login%00", "/login?error%00", "/profile%00.css", "/%00",
                "/login%0d%0aSet-Cookie:%20a=b", "/login?error%0d%0aSet-Cookie:%20a=b", "/%0a", "/%0d",
                "/%c0%af", "/%c0%ae%c0%ae/", "/%e0%80%af", "/%f0%80%80%af", "/%ff%fe", "/%ed%a0%80",
                "/%zz", "/%", "/%2", "/login?%zz=1", "/login?a=%",
                "/register?jakarta.faces.ViewState=x", "/?<script>alert(1)</script>", "/\"><svg/onload=alert(1)>",
                "/jakarta.faces.resource/faces.js", "/jakarta.faces.resource/faces.js?ln=jakarta.faces",
                "/jakarta.faces.resource/x?ln=..", "/jakarta.faces.resource/web.xml?ln=../WEB-INF",
                "/jakarta.faces.resource/..%2fWEB-INF%2fweb.xml", "/jakarta.faces.resource/%2e%2e/WEB-INF/web.xml?ln=x");
    }

    @ParameterizedTest
    @MethodSource("nastyTargets")
    void nastyUrlsAreRefusedOrNotFound(String target) {
        Page answer = tried(raw().get(target));

        assertFalse(answer.headers().allValues("Set-Cookie").stream().anyMatch(cookie -> cookie.startsWith("a=")), answer::toString);
        if (answer.status() >= 400) {
            assertPlainRefusal(answer);
        }
    }

    static Stream<String> traversals() {
        List<String> targets = new ArrayList<>();
        for (String file : new String[] {"WEB-INF/web.xml", "META-INF/context.xml"}) {
            String dir = file.substring(0, file.indexOf('/'));
            String name = file.substring(file.indexOf('/') + 1);
            for (String pattern : new String[] {
                    "/%s", "/%s%%00", "/%s%%20", "/%s.", "/%s::$DATA", "//%s", "/./%s", "/%%2e/%s",
                    "/static/../%s", "/static/%%2e%%2e/%s", "/static/%%2E%%2E/%s", "/static/.%%2e/%s",
                    "/static/%%252e%%252e/%s", "/static/..%%2f%s", "/static/..%%2F%s", "/static/..%%5c%s",
                    "/static/..\\%s", "/static/..;/%s", "/;/%s", "/;x=y/%s", "/static/%%c0%%ae%%c0%%ae/%s",
                    "/static/%%e0%%80%%ae%%e0%%80%%ae/%s", "/static/..%%c0%%af%s", "/static/%%u002e%%u002e/%s",
                    "/static/....//%s", "/static/..%%252f%s", "/register/../%s", "/profile/..%%2f%s"}) {
                targets.add(String.format(pattern, file));
            }
            targets.add("/" + dir.toLowerCase() + "/" + name);
            targets.add("/" + dir + "./" + name);
            targets.add("/" + dir + "%2f" + name);
            targets.add("/" + dir + "%2F" + name);
            targets.add("/%" + Integer.toHexString(dir.charAt(0)) + dir.substring(1) + "/" + name);
            targets.add("/" + dir + "/" + name.replace(".", "%2e"));
            targets.add("/" + dir + "/./" + name);
            targets.add("/" + dir + "/");
            targets.add("/" + dir);
        }
        return targets.stream();
    }

    @ParameterizedTest
    @MethodSource("traversals")
    void webInfAndMetaInfAreNeverServedUnderAnyEncoding(String target) {
        Page answer = tried(raw().get(target));

        if (server.runtime() == ServerRuntime.PAYARA_MICRO && target.startsWith("/;") && answer.status() == 200) {
            // Payara reads all that follows "/;" as a parameter of the path "/": the home page, not the file.
            assertTrue(answer.body().contains("<title>Home page - Gatehouse</title>"), answer::toString);
            return;
        }
        assertTrue(answer.status() == 400 || answer.status() == 404 || fromTheConnector(answer), answer::toString);
        assertPlainRefusal(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\u0000b", "a\r\nb", "\r\n", "%00", "\u00c0\u00af", "<script>", "' OR '1'='1",
            "admin'--", "\uD800", "\uFFFF", "..\\..\\etc\\passwd", "${7*7}", "#{7*7}"})
    void nastyFieldValuesAreFormMessagesOrWrongSignIns(String value) {
        Page signUp = tried(visitor().signUp(value, value + PASSWORD));
        assertFieldError(signUp, "username", "Use 3 to 32 letters, digits, dots, underscores or hyphens.");
        assertFalse(signUp.body().replace(signUp.formToken(), "").contains("49"), "expression evaluated");
        Page signIn = tried(visitor().signIn(value, value));
        assertEquals("/login?error", signIn.location());
    }

    @Test
    void overlongUtf8InAFormIsAFormMessage() {
        Page answer = tried(raw().postFromPage("/login", "/j_security_check", "j_username=%c0%afadmin&j_password=%c0%ae%c0%ae%c0%af"));

        assertTrue(answer.status() == 303 || answer.status() == 400, answer::toString);
    }

    @Test
    void aBrokenFormBodyIsABadRequest() {
        for (String body : new String[] {"%", "a=%zz", "=&=&&==", "a=%c0"}) {
            Page answer = tried(raw().postForm("/register", body));
            assertTrue(answer.status() == 400 || answer.status() == 303 || answer.status() == 200, answer::toString);
        }
        Page multipart = tried(raw().send("POST /register HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=x",
                "--y\r\nbroken".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(multipart.status() < 500, multipart::toString);
    }

    @Test
    void garbageHeadersChangeNothing() {
        for (String header : new String[] {"Cookie: JSESSIONID=%00%0d%0a", "Cookie: JSESSIONID=" + "A".repeat(4000),
                "Accept-Language: ;;;q=x", "Range: bytes=0-1,1-2,2-3,3-4,4-5,5-6", "If-Modified-Since: never",
                "Content-Type: text/html; charset=x-unknown", "X-Forwarded-Proto: https", "X-Forwarded-For: <script>",
                "Origin: null", "Sec-Fetch-Site: ???"}) {
            for (String path : new String[] {"/", "/static/gatehouse.css"}) {
                Page answer = tried(raw().send("GET " + path + " HTTP/1.1\r\n" + header, new byte[0]));
                assertNull(answer.header("Strict-Transport-Security"), "X-Forwarded-Proto from a proxy nobody trusts");
            }
        }
    }

    // ----- forms

    @Test
    void aTamperedViewStateSendsBackAFreshForm() {
        for (String viewState : new String[] {"-4711:0815<script>", "", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==",
                "1234567890123456789:-987654321987654321", "stateless\u0000"}) {
            Page answer = tried(visitor().submitSignUp(Map.of("username", "u" + System.nanoTime(), "password", PASSWORD,
                    "confirmation", PASSWORD, "jakarta.faces.ViewState", viewState)));
            assertTrue(answer.status() == 303 || answer.status() == 200, answer::toString);
        }
    }

    // ----- methods and headers

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/register", "/logout", "/nope", "/static/gatehouse.css", "/j_security_check"})
    void onlyGetHeadPostAndOptionsAreAllowed(String path) {
        for (String method : new String[] {"PUT", "DELETE", "TRACE", "PATCH", "PROPFIND"}) {
            Page answer = tried(raw().send(method + " " + path + " HTTP/1.1", new byte[0]));
            assertEquals(405, answer.status(), method + " " + path);
            assertPlainRefusal(answer);
        }
        Page options = tried(raw().send("OPTIONS " + path + " HTTP/1.1", new byte[0]));
        assertEquals(200, options.status());
        assertEquals("GET, HEAD, POST, OPTIONS", options.header("Allow"));
        tried(raw().send("HEAD " + path + " HTTP/1.1", new byte[0]));
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        WebClient alice = visitor();
        List<Page> answers = new ArrayList<>(List.of(alice.get(""), alice.get("login"), alice.get("register"),
                alice.get("static/gatehouse.css"), alice.get("profile"), alice.get("nope"),
                alice.signIn("nobody-here", PASSWORD), alice.signUp("u" + System.nanoTime(), "short")));
        answers.add(alice.signUp("u" + System.nanoTime(), PASSWORD));
        answers.add(alice.get("profile"));
        answers.add(alice.get("logout"));
        answers.add(raw().send("PUT / HTTP/1.1", new byte[0]));
        Page undecodable = tried(raw().get("/%zz"));

        answers.forEach(answer -> tried(answer));
        assertEquals(List.of(200, 200, 200, 200, 303, 404, 303, 200, 303, 200, 303, 405),
                answers.stream().map(Page::status).toList());
        assertTrue(undecodable.status() == 400 || fromTheConnector(undecodable), undecodable::toString);
        answers.forEach(answer -> assertEquals(null, answer.header("Strict-Transport-Security"), "HSTS over plain HTTP"));
    }

    @Test
    void theServerHeaderNamesNoVersion() {
        for (Page answer : List.of(visitor().get(""), raw().get("/%zz"), raw().send("PUT / HTTP/1.1", new byte[0]))) {
            String server = answer.header("Server");
            assertTrue(server == null || !server.matches(".*\\d.*"), "Server: " + server);
        }
    }
}
