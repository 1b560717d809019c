package io.gatehouse.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * With {@code -Dgatehouse.it.database=postgres}, the stories run against a real PostgreSQL server, started before
 * the first story and stopped after the last: the WAR under test is pointed at it through the same settings a user
 * would give it: {@code gatehouse.db.*} in the embedded Tomcat's JVM, {@code GATEHOUSE_DB_*} for {@link SuiteServer}.
 * One server per test JVM, however many launcher sessions the test runner opens; it stops when the JVM does.
 */
public class PostgresForStories implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(PostgresForStories.class.getName());

    private static EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if ("postgres".equals(System.getProperty("gatehouse.it.database"))) {
            startOnce();
        }
    }

    private static synchronized void startOnce() {
        if (postgres != null) {
            return;
        }
        try {
            // Its own exit hook would stop it beside ours, while the server under test still needs it.
            postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL for the stories", e);
        }
        String url = postgres.getJdbcUrl("postgres", "postgres");
        System.setProperty("gatehouse.db.url", url);
        System.setProperty("gatehouse.db.user", "postgres");
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresForStories::stop, "stop-postgres"));
        LOG.info(() -> "The stories run against PostgreSQL at " + url);
    }

    private static void stop() {
        // The server under test first: stopping, it ends its sessions' registry rows, and against a database already
        // gone each of them waits for the pool's timeout, which outlasts the time the test JVM has to exit.
        SuiteServer.stop();
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warning(() -> "PostgreSQL did not stop cleanly: " + e);
        }
    }
}
