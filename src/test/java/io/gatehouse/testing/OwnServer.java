package io.gatehouse.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server of the stories' own, of the runtime this execution tests ({@link ServerRuntime}), for the stories that
 * need settings of their own, a log to read or a database to cut:
 * {@code @RegisterExtension static final OwnServer server = OwnServer.tuned();}
 * <p>Stories that ask for the same set-up share one server: started before the first of them, stopped when the
 * test run ends. So there are two at most, whatever the number of stories, and few slow Payara starts.
 */
public final class OwnServer implements BeforeAllCallback, ExecutionCondition {

    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(4);
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The tuned server, for {@code @ResourceLock}: stories that read it share it (READ); the one that cuts its
     * database has it alone (READ_WRITE).
     */
    public static final String TUNED_SERVER = "OwnServer.tuned";
    /** The address of the TLS-terminating proxy a tuned server trusts: the tests' own. */
    public static final String TRUSTED_PROXY = "127.0.0.1";

    private static final Logger LOG = Logger.getLogger(OwnServer.class.getName());
    private static final ExtensionContext.Namespace SERVERS = ExtensionContext.Namespace.create(OwnServer.class);

    private final String setup;
    private Running running;

    private OwnServer(String setup) {
        this.setup = setup;
    }

    /** The runtime with no settings at all, as its image ships: accounts in an H2 file of its own. */
    public static OwnServer defaults() {
        return new OwnServer("defaults");
    }

    /**
     * The runtime as its image ships, for the stories that sign in wrongly on purpose, apart from the server the
     * whole suite shares: the sign-in throttle counts every failure from 127.0.0.1 for an hour, and after 20 it would
     * slow down every story that runs after them. Together these stories stay under 20 (17 today): an account of
     * theirs fails 5 times at most, and then its own throttle refuses it unchecked, which counts nothing more.
     */
    public static OwnServer forWrongPasswords() {
        return new OwnServer("wrong-passwords");
    }

    /**
     * The runtime with the settings an operator tunes: behind a TLS-terminating proxy at {@link #TRUSTED_PROXY}
     * (GATEHOUSE_TRUSTED_PROXIES), on PostgreSQL reached through socat so that a story can cut or freeze it, and
     * with session timeouts short enough to wait out ({@link #IDLE_TIMEOUT}, {@link #ABSOLUTE_TIMEOUT}).
     */
    public static OwnServer tuned() {
        return new OwnServer("tuned");
    }

    /** Skipped, with the reason, where this execution's runtime cannot run (Payara 7 without a JDK 21+). */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return SuiteServer.availability();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(SERVERS).getOrComputeIfAbsent(setup, this::start, Running.class);
    }

    public ServerRuntime runtime() {
        return ServerRuntime.current();
    }

    public URI base() {
        return running.server().base();
    }

    /** Everything the server has written so far: the container's log and the application's. */
    public String log() {
        return running.server().log();
    }

    public WebClient visitor(LastResponse lastResponse) {
        return new WebClient(base(), lastResponse);
    }

    /** The socat between a tuned server and its PostgreSQL. */
    public SocatProxy database() {
        if (running.database() == null) {
            SocatProxy.assumeInstalled();
            throw new IllegalStateException("only a tuned server has a database to cut");
        }
        return running.database();
    }

    private Running start(String setup) {
        ServerRuntime runtime = ServerRuntime.current();
        EmbeddedPostgres postgres = null;
        SocatProxy database = null;
        try {
            Map<String, String> settings = new HashMap<>();
            if (setup.equals("tuned")) {
                postgres = EmbeddedPostgres.builder().start();
                int port = postgres.getPort();
                if (SocatProxy.isInstalled()) {
                    database = SocatProxy.start(SuiteServer.freePort(), port);
                    port = database.port();
                }
                settings.put("GATEHOUSE_DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
                settings.put("GATEHOUSE_DB_USER", "postgres");
                settings.put("GATEHOUSE_TRUSTED_PROXIES", TRUSTED_PROXY.replace(".", "\\."));
                settings.put("GATEHOUSE_SESSION_IDLE_TIMEOUT", IDLE_TIMEOUT.toString());
                settings.put("GATEHOUSE_SESSION_ABSOLUTE_TIMEOUT", ABSOLUTE_TIMEOUT.toString());
            }
            Path root = Paths.get("target", "own-servers").toAbsolutePath();
            Files.createDirectories(root);
            Path directory = Files.createTempDirectory(root, runtime.name().toLowerCase(Locale.ROOT) + "-" + setup + "-");
            Instant started = Instant.now();
            StartedServer server = runtime.start(directory, SuiteServer.freePort(), settings);
            LOG.info(() -> "A " + setup + " " + runtime + " at " + server.base() + " answered after "
                    + Duration.between(started, Instant.now()).toMillis() + " ms; its files are in " + directory);
            return new Running(server, database, postgres);
        } catch (IOException e) {
            new Running(null, database, postgres).close();
            throw new UncheckedIOException("cannot start a " + setup + " " + runtime, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            new Running(null, database, postgres).close();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            new Running(null, database, postgres).close();
            throw e;
        }
    }

    /** Closed by JUnit with the root context's store, when the run ends. */
    private record Running(StartedServer server, SocatProxy database, EmbeddedPostgres postgres) implements AutoCloseable {

        @Override
        public void close() {
            try {
                if (server != null) {
                    server.close();
                }
                if (database != null) {
                    database.close();
                }
                if (postgres != null) {
                    postgres.close();
                }
            } catch (IOException e) {
                LOG.warning(() -> "PostgreSQL did not stop cleanly: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
