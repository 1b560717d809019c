package io.gatehouse.database;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the schema to the newest version in {@code db/migration}; the same scripts serve H2 and PostgreSQL. */
public final class Migrations {

    private Migrations() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
