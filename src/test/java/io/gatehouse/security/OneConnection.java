package io.gatehouse.security;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

/**
 * For measuring in a story's JVM, which has the PostgreSQL driver but neither the pool nor H2: one open connection
 * handed out again and again, as a warm pool does, and the H2 that the built WAR ships.
 */
final class OneConnection {

    private OneConnection() {
    }

    /** A DataSource whose every connection is {@code connection}; closing one leaves it open. */
    static DataSource of(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(OneConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) ->
                        method.getName().equals("close") ? null : invoke(connection, method, arguments));
        return (DataSource) Proxy.newProxyInstance(OneConnection.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        return kept;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** An H2 file database, through the H2 jar inside {@code target/gatehouse.war}. */
    static Connection h2FromTheWar(Path file) throws IOException, ReflectiveOperationException, SQLException {
        Path war = Paths.get(System.getProperty("gatehouse.war", "target/gatehouse.war"));
        Path jar = Files.createTempFile(file.getParent(), "h2-", ".jar");
        try (ZipFile zip = new ZipFile(war.toFile())) {
            ZipEntry h2 = zip.stream().filter(entry -> entry.getName().matches("WEB-INF/lib/h2-[0-9.]+\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no H2 in " + war));
            try (InputStream in = zip.getInputStream(h2)) {
                Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, OneConnection.class.getClassLoader());
        Driver driver = (Driver) loader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
        return driver.connect("jdbc:h2:file:" + file, new Properties());
    }

    /** Runs a migration script of ours, statement by statement (Flyway is the servers', not this JVM's). */
    static void migrate(Connection connection, String resource) throws IOException, SQLException {
        String script;
        try (InputStream in = OneConnection.class.getClassLoader().getResourceAsStream(resource)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutComments = String.join("\n", script.lines().filter(line -> !line.startsWith("--")).toList());
        try (Statement statement = connection.createStatement()) {
            for (String sql : withoutComments.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static Object invoke(Connection connection, java.lang.reflect.Method method, Object[] arguments)
            throws Throwable {
        try {
            return method.invoke(connection, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
