package io.gatehouse.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.config.Passwords;
import io.gatehouse.config.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.sql.DriverManager;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's database, opened and migrated when the application starts: the server's DataSource if it
 * defines one (see {@link ServerDataSource}), otherwise our own pool on GATEHOUSE_DB_URL, by default an H2 file
 * under ./data in the working directory.
 */
@ApplicationScoped
public class Database {

    static final String DEFAULT_URL = "jdbc:h2:file:./data/gatehouse";

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private DataSource dataSource;
    private HikariDataSource ownPool;

    @PostConstruct
    void open() {
        JdbcDrivers.register();
        try {
            dataSource = ServerDataSource.find().map(this::awaitServers).orElseGet(this::openOwnPool);
            LOG.info(() -> ownPool == null ? "Using the server's DataSource jdbc/gatehouse" : "Using Gatehouse's own connection pool");
            Migrations.migrate(dataSource);
        } catch (RuntimeException e) {
            // A bean that failed to open is never destroyed: let go of the pool and the drivers here.
            close();
            throw e;
        }
    }

    /** Creating this bean at start-up, rather than on the first sign-in, migrates the schema before any request. */
    void openAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // Observing the event is what creates the bean; there is nothing more to do.
    }

    @Produces
    DataSource dataSource() {
        return dataSource;
    }

    @PreDestroy
    void close() {
        if (ownPool != null) {
            ownPool.close();
        }
        JdbcDrivers.deregister();
    }

    private DataSource awaitServers(DataSource server) {
        DatabaseWait.untilItAnswers("jdbc/gatehouse", server::getConnection);
        return server;
    }

    private DataSource openOwnPool() {
        String url = new Setting("db.url").valueOr(DEFAULT_URL);
        HikariConfig config = poolConfig(url, new Setting("db.user").valueOr(""), new Setting("db.password").valueOr(""));
        DatabaseWait.untilItAnswers(Passwords.hiddenIn(url), () -> DriverManager.getConnection(url, connectionProperties(config)));
        ownPool = new HikariDataSource(config);
        return ownPool;
    }

    /** The pool's own driver settings (its time-outs), so a try waits no longer than a pooled connection would. */
    private static Properties connectionProperties(HikariConfig config) {
        Properties properties = new Properties();
        properties.putAll(config.getDataSourceProperties());
        properties.setProperty("user", config.getUsername());
        properties.setProperty("password", config.getPassword());
        return properties;
    }

    public static HikariConfig poolConfig(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gatehouse");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        // A request waits at most 3 s for a connection, then gets a plain 503 instead of piling up threads;
        // a pooled connection that does not answer a check within 1 s is thrown away and replaced.
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(1_000);
        if (url.startsWith("jdbc:h2:")) {
            // Closing the pool closes the database. H2's own shutdown hook would race Tomcat's: it closed the file
            // while the application stopped, and failed on a class the stopped application could no longer load.
            addUnlessInUrl(config, url, "DB_CLOSE_ON_EXIT", "FALSE");
            // A commit reaches the file before it is answered, so a process killed right after (kill -9, a crash)
            // keeps every sign-up it answered; H2's default writes it up to 500 ms later (decision 025).
            addUnlessInUrl(config, url, "WRITE_DELAY", "0");
        }
        if (url.startsWith("jdbc:postgresql:")) {
            // A server that hangs mid-query (stopped, or its network gone) fails the query after 3 s, not never.
            config.addDataSourceProperty("connectTimeout", "3");
            config.addDataSourceProperty("socketTimeout", "3");
        }
        return config;
    }

    private static void addUnlessInUrl(HikariConfig config, String url, String setting, String value) {
        if (!url.toUpperCase(Locale.ROOT).contains(";" + setting + "=")) {
            config.addDataSourceProperty(setting, value);
        }
    }
}
