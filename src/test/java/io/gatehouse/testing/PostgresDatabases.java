package io.gatehouse.testing;

import com.zaxxer.hikari.HikariConfig;
import io.gatehouse.database.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL server for a repository test class, started once; each test gets its own new database on it. */
public final class PostgresDatabases implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final String prefix;
    private int databases;

    private PostgresDatabases(EmbeddedPostgres postgres, String prefix) {
        this.postgres = postgres;
        this.prefix = prefix;
    }

    public static PostgresDatabases start(String prefix) throws IOException {
        return new PostgresDatabases(EmbeddedPostgres.builder().start(), prefix);
    }

    public HikariConfig emptyDatabase() throws SQLException {
        String name = prefix + "_" + ++databases;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return Database.poolConfig(postgres.getJdbcUrl("postgres", name), "postgres", "");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
