package io.gatehouse.testing;

import com.zaxxer.hikari.HikariConfig;
import io.gatehouse.database.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for a repository test class, started before its first test and stopped after its last;
 * each test gets its own new database on it. Register it as a static field:
 * {@code @RegisterExtension static final PostgresDatabases POSTGRES = new PostgresDatabases("account_test");}
 */
public final class PostgresDatabases implements BeforeAllCallback, AfterAllCallback {

    private final String prefix;
    private EmbeddedPostgres postgres;
    private int databases;

    public PostgresDatabases(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        postgres.close();
    }

    public HikariConfig emptyDatabase() throws SQLException {
        String name = prefix + "_" + ++databases;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return Database.poolConfig(postgres.getJdbcUrl("postgres", name), "postgres", "");
    }
}
