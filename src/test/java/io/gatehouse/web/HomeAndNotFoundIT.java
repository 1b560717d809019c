package io.gatehouse.web;

import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.WebClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HomeAndNotFoundIT extends GatehouseIT {

    @Test
    void visitorSeesTheHomePageWithWaysToSignInAndSignUp() {
        Page home = visitor().get("");

        assertEquals(200, home.status());
        assertEquals("text/html;charset=UTF-8", home.contentType());
        assertTrue(home.body().contains("<title>Home page"), "title");
        assertTrue(home.body().contains("<h1>Home page</h1>"), "heading");
        assertTrue(home.body().contains("href=\"login\""), "sign-in link");
        assertTrue(home.body().contains("href=\"register\""), "sign-up link");
    }

    @Test
    void everyVisitorGetsTheSameHomePageWithTheSameHeaders() {
        Page first = visitor().get("");
        Page again = visitor().get("");

        assertEquals(first.body(), again.body());
        for (String header : new String[] {"Content-Type", "Content-Length", "Cache-Control", "Content-Security-Policy",
                "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"}) {
            assertEquals(first.header(header), again.header(header), header);
        }
        assertEquals("no-store", again.header("Cache-Control"));
    }

    @Test
    void aSignedInVisitorSeesTheirOwnHomePageNotTheVisitorsOne() {
        visitor().get("");
        WebClient alice = visitor();
        String username = newUsername();
        alice.signUp(username, PASSWORD);

        Page home = alice.get("");

        assertTrue(home.body().contains("Signed in as <strong>" + username + "</strong>"), home.body());
        assertTrue(home.body().contains("href=\"logout\""), "sign-out link");
    }

    @Test
    void anonymousPagesStartNoSession() {
        WebClient visitor = visitor();

        for (String path : new String[] {"", "login", "register"}) {
            Page page = visitor.get(path);
            assertEquals(200, page.status(), path);
            assertTrue(page.cookie("JSESSIONID").isEmpty(), path + " set a session cookie");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "nope", "x/y", "x/y.xhtml", "index.xhtml", "profile.xhtml", "login.xhtml",
            "jakarta.faces.resource/faces.js.xhtml", "jakarta.faces.resource/nope.js.xhtml?ln=jakarta.faces",
            "WEB-INF/web.xml", "WEB-INF/templates/page.xhtml", "META-INF/context.xml", "error", "static/nope.css"})
    void everyUnknownPathIsAPlainTextNotFound(String path) {
        assertPlainNotFound(visitor().get(path));
    }

    @Test
    void postToAnUnknownPathIsAPlainTextNotFound() {
        assertPlainNotFound(visitor().post("nope", Map.of("a", "b")));
    }

    @Test
    void theStylesheetIsServedAndMayBeCached() {
        Page css = visitor().get("static/gatehouse.css");

        assertEquals(200, css.status());
        assertTrue(css.contentType().startsWith("text/css"), css.contentType());
        assertEquals(null, css.header("Cache-Control"));
    }

    private static void assertPlainNotFound(Page page) {
        assertEquals(404, page.status());
        assertEquals("text/plain;charset=UTF-8", page.contentType());
        assertEquals("Not Found", page.body());
    }
}
