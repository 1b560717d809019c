package io.gatehouse.database;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.ServiceLoader;

/**
 * The JDBC drivers inside the WAR. DriverManager looks for drivers once per JVM, so after a redeploy it would not
 * see the new copies: they are loaded here at start, and let go at stop so the old class loader can be collected.
 */
final class JdbcDrivers {

    private JdbcDrivers() {
    }

    static void register() {
        ServiceLoader.load(Driver.class, JdbcDrivers.class.getClassLoader()).forEach(driver -> { });
    }

    static void deregister() {
        ClassLoader ours = JdbcDrivers.class.getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == ours) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException ignored) {
                    // Already gone.
                }
            }
        }
    }
}
