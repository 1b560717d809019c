package io.gatehouse.remember;

import com.zaxxer.hikari.HikariConfig;
import io.gatehouse.database.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A real PostgreSQL server, started once for the class; each test gets its own new database on it. */
class PostgresRememberedDevicesTest extends RememberedDevicesTest {

    private static EmbeddedPostgres postgres;
    private static int databases;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Override
    HikariConfig emptyDatabase() throws SQLException {
        String name = "remember_test_" + ++databases;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return Database.poolConfig(postgres.getJdbcUrl("postgres", name), "postgres", "");
    }
}
