package io.gatehouse.security;

import com.zaxxer.hikari.HikariConfig;
import io.gatehouse.testing.PostgresDatabases;
import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A real PostgreSQL server, started once for the class; each test gets its own new database on it. */
class PostgresSignInFailuresTest extends SignInFailuresTest {

    private static PostgresDatabases postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = PostgresDatabases.start("throttle_test");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Override
    HikariConfig emptyDatabase() throws SQLException {
        return postgres.emptyDatabase();
    }
}
