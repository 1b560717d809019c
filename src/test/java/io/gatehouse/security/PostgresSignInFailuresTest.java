package io.gatehouse.security;

import com.zaxxer.hikari.HikariConfig;
import io.gatehouse.testing.PostgresDatabases;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real PostgreSQL server, started once for the class; each test gets its own new database on it. */
class PostgresSignInFailuresTest extends SignInFailuresTest {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases("throttle_test");

    @Override
    HikariConfig emptyDatabase() throws SQLException {
        return POSTGRES.emptyDatabase();
    }
}
