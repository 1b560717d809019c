package io.gatehouse.testing;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every story runs against the WAR we ship, deployed at "/" on a real server and driven over HTTP only:
 * Arquillian deploys {@code gatehouse.war} into embedded Tomcat, or, given {@code -Dgatehouse.base.url}, the
 * stories go to the one server of the run that {@link SuiteServer} started with the WAR on it (standalone Tomcat,
 * Payara Micro). Where that runtime cannot run here, the stories are skipped with the reason.
 */
public abstract class GatehouseIT {

    private static final String STANDALONE_SERVER = System.getProperty("gatehouse.base.url");

    @RegisterExtension
    static final Extension SERVER = server();

    public static final String PASSWORD = "correct horse battery staple";

    @RegisterExtension
    protected final LastResponse lastResponse = new LastResponse();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    public static WebArchive builtWar() {
        return builtWarAs("ROOT.war");
    }

    /** The WAR we ship, under a file name that gives it its context path ({@code ROOT.war}: "/"). */
    public static WebArchive builtWarAs(String fileName) {
        File war = new File(System.getProperty("gatehouse.war", "target/gatehouse.war"));
        return ShrinkWrap.create(ZipImporter.class, fileName).importFrom(war).as(WebArchive.class);
    }

    /** A new visitor, with an empty cookie jar. */
    protected WebClient visitor() {
        return new WebClient(baseUri(), lastResponse);
    }

    protected URI baseUri() {
        try {
            return STANDALONE_SERVER != null ? URI.create(STANDALONE_SERVER) : base.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Arquillian's embedded Tomcat, the run's own server, or a reason to skip. */
    public static Extension server() {
        if (SuiteServer.unavailable() != null) {
            return (ExecutionCondition) context -> SuiteServer.availability();
        }
        return STANDALONE_SERVER == null ? new ArquillianExtension() : new Extension() { };
    }

    /** A name no other test, run or rerun, has used. */
    public static String newUsername() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
