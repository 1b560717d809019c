package io.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One server of this execution's runtime for every {@link GatehouseIT} story of the run, started before the first
 * and stopped with the test JVM: the launcher jar, standalone Tomcat ({@link StandaloneTomcat}) or Payara Micro,
 * each set up as its docker/ image is. The stories get its URL as {@code gatehouse.base.url} and leave Arquillian
 * out: they are {@code testable = false}, so a deployment per test class would only add a start per class (Weld,
 * Faces and the pool on embedded Tomcat; 30–50 s of Payara).
 * <p>The database: PostgreSQL through {@code GATEHOUSE_DB_*} when {@link PostgresForStories} started one (as
 * docker/compose.yaml wires it); otherwise the runtime's own default or, for Tomcat 10.1, the pool the server owns.
 * With {@code -Dgatehouse.metrics.token}, the server's WAR serves /metrics to that bearer token.
 * <p>A runtime this machine cannot run (Payara 7 without a JDK 21+) starts nothing, and
 * {@code gatehouse.it.unavailable} says why: {@link #availability()} skips the stories with that message.
 */
public class SuiteServer implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(SuiteServer.class.getName());
    private static final String UNAVAILABLE = "gatehouse.it.unavailable";

    private static StartedServer server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        // Only failsafe names the WAR under test (pom.xml): surefire's unit tests need no server.
        if (System.getProperty("gatehouse.war") != null) {
            startOnce(ServerRuntime.current());
        }
    }

    /** Why this execution's runtime cannot run here, or null. */
    public static String unavailable() {
        return System.getProperty(UNAVAILABLE);
    }

    /** Runs a story here, or skips it with the reason its runtime cannot run on this machine. */
    public static ConditionEvaluationResult availability() {
        String reason = unavailable();
        return reason == null ? ConditionEvaluationResult.enabled("the runtime runs here") : ConditionEvaluationResult.disabled(reason);
    }

    private static synchronized void startOnce(ServerRuntime runtime) {
        if (server != null || unavailable() != null) {
            return;
        }
        String missing = runtime.missing().orElse(null);
        if (missing != null) {
            System.setProperty(UNAVAILABLE, missing);
            LOG.warning(() -> "The stories are skipped: " + missing);
            return;
        }
        Map<String, String> settings = new HashMap<>();
        String postgres = System.getProperty("gatehouse.db.url");
        if (postgres != null) {
            settings.put("GATEHOUSE_DB_URL", postgres);
            settings.put("GATEHOUSE_DB_USER", System.getProperty("gatehouse.db.user"));
        }
        String metricsToken = System.getProperty("gatehouse.metrics.token");
        if (metricsToken != null) {
            settings.put("GATEHOUSE_METRICS_TOKEN", metricsToken);
        }
        Instant started = Instant.now();
        try {
            Path root = Paths.get("target", "suite-servers").toAbsolutePath();
            Files.createDirectories(root);
            Path directory = Files.createTempDirectory(root, runtime.name().toLowerCase(Locale.ROOT) + "-");
            server = runtime.startForStories(directory, freePort(), settings);
            for (String path : runtime.contextPath().stream().toList()) {
                server.awaitOk(path + "/");
                System.setProperty("gatehouse.base.url.at.path", server.base().resolve(path + "/").toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + runtime + " for the stories", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(SuiteServer::stop, "stop-suite-server"));
        System.setProperty("gatehouse.base.url", server.base().toString());
        LOG.info(() -> "The stories run against " + runtime + " at " + server.base() + ", which answered after "
                + Duration.between(started, Instant.now()).toMillis() + " ms");
    }

    /** Stops the server, once: at the JVM's exit, and before {@link PostgresForStories} stops its database. */
    static synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server = null;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
