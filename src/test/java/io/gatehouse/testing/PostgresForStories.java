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
 * would give it ({@code gatehouse.db.*}, passed to a server in its own JVM through {@code payara.cmdOptions}).
 */
public class PostgresForStories implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(PostgresForStories.class.getName());

    private EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"postgres".equals(System.getProperty("gatehouse.it.database"))) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL for the stories", e);
        }
        String url = postgres.getJdbcUrl("postgres", "postgres");
        System.setProperty("gatehouse.db.url", url);
        System.setProperty("gatehouse.db.user", "postgres");
        System.setProperty("payara.cmdOptions", "-Dgatehouse.db.url=" + url + " -Dgatehouse.db.user=postgres");
        LOG.info(() -> "The stories run against PostgreSQL at " + url);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warning(() -> "PostgreSQL did not stop cleanly: " + e);
            }
        }
    }
}
