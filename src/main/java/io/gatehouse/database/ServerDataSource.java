package io.gatehouse.database;

import java.util.List;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * A DataSource the server defines for us, if it does: a Tomcat {@code <Resource name="jdbc/gatehouse">} appears
 * at java:comp/env/jdbc/gatehouse, a Payara JDBC resource at jdbc/gatehouse. The server then owns the pool.
 */
final class ServerDataSource {

    static final List<String> NAMES = List.of("java:comp/env/jdbc/gatehouse", "jdbc/gatehouse");

    private ServerDataSource() {
    }

    static Optional<DataSource> find() {
        for (String name : NAMES) {
            try {
                if (new InitialContext().lookup(name) instanceof DataSource dataSource) {
                    return Optional.of(dataSource);
                }
            } catch (NamingException notDefined) {
                // Try the next name, then our own pool.
            }
        }
        return Optional.empty();
    }
}
