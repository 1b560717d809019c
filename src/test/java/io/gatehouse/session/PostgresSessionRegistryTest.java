package io.gatehouse.session;

import com.zaxxer.hikari.HikariConfig;
import io.gatehouse.testing.PostgresDatabases;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real PostgreSQL server, started once for the class; each test gets its own new database on it. */
class PostgresSessionRegistryTest extends SessionRegistryTest {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases("session_test");

    @Override
    HikariConfig emptyDatabase() throws SQLException {
        return POSTGRES.emptyDatabase();
    }
}
