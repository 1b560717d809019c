package io.gatehouse.testing;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every story runs against what we ship, at "/" on a real server and driven over HTTP only: the one server of the
 * run that {@link SuiteServer} started ({@code -Dgatehouse.base.url}), the launcher jar beside embedded Tomcat, a
 * standalone Tomcat or Payara Micro with the built WAR on it. Where that runtime cannot run here, the stories are
 * skipped with the reason.
 */
public abstract class GatehouseIT {

    private static final String SUITE_SERVER = System.getProperty("gatehouse.base.url");

    @RegisterExtension
    static final Extension SERVER = server();

    public static final String PASSWORD = "correct horse battery staple";

    @RegisterExtension
    protected final LastResponse lastResponse = new LastResponse();

    /** A new visitor, with an empty cookie jar. */
    protected WebClient visitor() {
        return new WebClient(baseUri(), lastResponse);
    }

    protected URI baseUri() {
        return URI.create(SUITE_SERVER);
    }

    /** The run's own server, or a reason to skip. */
    public static Extension server() {
        if (SuiteServer.unavailable() != null) {
            return (ExecutionCondition) context -> SuiteServer.availability();
        }
        return new Extension() { };
    }

    /** A name no other test, run or rerun, has used. */
    public static String newUsername() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
