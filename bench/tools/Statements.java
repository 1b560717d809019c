import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The statements one database of bench/run's PostgreSQL has run so far, as pg_stat_statements counts them (the
 * server started by {@code Postgres --count-statements}, which leaves out transaction control): how many read
 * (SELECT) and how many wrote (INSERT, UPDATE, DELETE). This tool's own queries run in the database "postgres", so
 * they are never counted against the one it reads. bench/run takes the difference of two readings.
 *
 * <pre>
 * java Statements PORT DATABASE        prints reads=N and writes=N
 * java Statements PORT DATABASE list   prints each statement's calls and its text, most called first
 * </pre>
 */
public final class Statements {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: Statements PORT DATABASE [list]");
        }
        boolean list = args.length > 2 && args[2].equals("list");
        String byDatabase = " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ?";
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + args[0] + "/postgres", "postgres", "");
             PreparedStatement query = connection.prepareStatement(list
                     ? "SELECT s.calls, regexp_replace(s.query, '\\s+', ' ', 'g')" + byDatabase + " ORDER BY s.calls DESC"
                     : "SELECT COALESCE(SUM(s.calls) FILTER (WHERE s.query ~* '^\\s*(WITH|SELECT)'), 0),"
                     + " COALESCE(SUM(s.calls) FILTER (WHERE s.query !~* '^\\s*(WITH|SELECT)'), 0)" + byDatabase)) {
            query.setString(1, args[1]);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (list) {
                        System.out.println(rows.getLong(1) + "\t" + rows.getString(2));
                    } else {
                        System.out.println("reads=" + rows.getLong(1));
                        System.out.println("writes=" + rows.getLong(2));
                    }
                }
            }
        }
    }

    private Statements() {
    }
}
