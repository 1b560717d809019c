package io.gatehouse.account;

import com.zaxxer.hikari.HikariConfig;
import io.gatehouse.testing.PostgresDatabases;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real PostgreSQL server, started once for the class; each test gets its own new database on it. */
class PostgresAccountRepositoryTest extends AccountRepositoryTest {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases("account_test");

    @Override
    HikariConfig emptyDatabase() throws SQLException {
        return POSTGRES.emptyDatabase();
    }
}
