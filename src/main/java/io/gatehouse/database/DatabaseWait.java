package io.gatehouse.database;

import io.gatehouse.config.Setting;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The database may come up after Gatehouse, under compose or in a rolling restart: the start tries it once a
 * second, one log line per try, for GATEHOUSE_DB_WAIT (30 s by default), then goes on or gives up naming where it
 * looked. Without this, the first refused connection failed the whole application.
 */
final class DatabaseWait {

    static final Setting WAIT = new Setting("db.wait");
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final Duration BETWEEN_TRIES = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(DatabaseWait.class.getName());

    interface Connect {
        Connection open() throws SQLException;
    }

    private DatabaseWait() {
    }

    /** @param where the database as a log may name it: a URL without its password, or a JNDI name */
    static void untilItAnswers(String where, Connect connect) {
        Duration wait = WAIT.duration().orElse(DEFAULT_WAIT);
        Instant deadline = Instant.now().plus(wait);
        for (int tries = 1; ; tries++) {
            try (Connection answered = connect.open()) {
                if (tries > 1) {
                    LOG.info("The database at " + where + " answered on try " + tries);
                }
                return;
            } catch (SQLException e) {
                String reason = String.valueOf(e.getMessage()).replaceAll("\\R", " ");
                if (!Instant.now().plus(BETWEEN_TRIES).isBefore(deadline)) {
                    throw new IllegalStateException("the database at " + where + " did not answer within "
                            + wait.toSeconds() + " s (" + WAIT.variable() + "): " + reason);
                }
                int tried = tries;
                LOG.warning(() -> "The database at " + where + " does not answer yet (try " + tried
                        + ", waiting up to " + wait.toSeconds() + " s): " + reason);
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(BETWEEN_TRIES.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
