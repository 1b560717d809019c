package io.gatehouse.web;

import static io.gatehouse.testing.GatehouseIT.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.ServerRuntime;
import io.gatehouse.testing.WebClient;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The WAR at a context path of its own, as Tomcat serves {@code webapps/gatehouse.war}: every link, form and
 * redirect of a whole visit stays under it. The other stories run at "/", where a link that forgot the context
 * path would work all the same. Payara's server for the stories serves it at /gatehouse as well
 * ({@code gatehouse.base.url.at.path}); the launcher serves "/" only, so beside it Arquillian deploys the built WAR
 * into the test JVM's embedded Tomcat, for this story alone.
 */
@DisabledIf(value = "servedAtRootOnly", disabledReason = "the standalone Tomcats serve the WAR at / only")
class ContextPathIT {

    private static final Pattern LINK = Pattern.compile("(href|src|action)=\"([^\"]*)\"");
    private static final String AT_A_PATH = System.getProperty("gatehouse.base.url.at.path");
    private static final boolean ON_ARQUILLIAN = AT_A_PATH == null && ServerRuntime.current() == ServerRuntime.LAUNCHER;

    @RegisterExtension
    static final Extension SERVER = ON_ARQUILLIAN ? new ArquillianExtension() : GatehouseIT.server();

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    @ArquillianResource
    private URL base;

    /** The WAR we ship, as Tomcat serves {@code webapps/gatehouse.war}. */
    @Deployment(testable = false)
    static WebArchive warAtAPathOfItsOwn() {
        File war = new File(System.getProperty("gatehouse.war", "target/gatehouse.war"));
        return ShrinkWrap.create(ZipImporter.class, "gatehouse.war").importFrom(war).as(WebArchive.class);
    }

    static boolean servedAtRootOnly() {
        return AT_A_PATH == null && !ON_ARQUILLIAN;
    }

    @Test
    void aWholeVisitStaysUnderTheContextPath() throws Exception {
        URI app = AT_A_PATH != null ? URI.create(AT_A_PATH) : base.toURI();
        assertEquals("/gatehouse/", app.getPath());
        WebClient visitor = new WebClient(app, lastResponse);
        String username = GatehouseIT.newUsername();

        assertLinksStayUnder(app, visitor, visitor.get(""));
        assertLinksStayUnder(app, visitor, visitor.get("login"));
        assertLinksStayUnder(app, visitor, visitor.get("register"));

        Page signedUp = visitor.signUp(username, PASSWORD);
        assertEquals(303, signedUp.status());
        assertEquals(app.resolve("profile"), target(signedUp));
        Page profile = visitor.follow(signedUp);
        assertTrue(profile.body().contains("Welcome, " + username), profile.body());
        assertLinksStayUnder(app, visitor, profile);

        Page signedOut = visitor.get("logout");
        assertEquals(303, signedOut.status());
        assertEquals(app, target(signedOut));
        Page asked = visitor.get("profile");
        assertEquals(303, asked.status(), "signed out");
        assertEquals(app.resolve("login"), target(asked));

        Page signedIn = visitor.signIn(username, PASSWORD);
        assertEquals(303, signedIn.status());
        assertEquals(app.resolve("profile"), target(signedIn));
    }

    /** Every link and form on the page points into the application, and every link but sign-out answers 200. */
    private static void assertLinksStayUnder(URI app, WebClient visitor, Page page) {
        Matcher link = LINK.matcher(page.body());
        int links = 0;
        while (link.find()) {
            URI target = page.uri().resolve(link.group(2));
            assertTrue(target.getPath().startsWith(app.getPath()), link.group() + " on " + page.uri());
            if (!link.group(1).equals("action") && !target.getPath().endsWith("/logout")) {
                assertEquals(200, visitor.get(app.relativize(target).toString()).status(),
                        link.group() + " on " + page.uri());
            }
            links++;
        }
        assertTrue(links >= 4, "only " + links + " links on " + page.uri());
    }

    private static URI target(Page redirect) {
        return redirect.uri().resolve(redirect.location());
    }
}
