package io.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * With {@code -Dgatehouse.it.tomcat=<an unpacked Tomcat distribution>}, the stories run against that Tomcat as a
 * user would set it up, and as docker/Dockerfile.tomcat does: a fresh CATALINA_BASE with the distribution's conf,
 * docker/tomcat/server.xml and setenv.sh, the WAR as webapps/ROOT.war, settings in the environment, started
 * with {@code catalina.sh run} and stopped with SIGTERM after the last story.
 * <p>The database: PostgreSQL through {@code GATEHOUSE_DB_*} when {@link PostgresForStories} started one (as
 * docker/compose.yaml wires it); with {@code -Dgatehouse.it.jndi.database=<H2 file>}, a {@code jdbc/gatehouse}
 * Resource in conf/context.xml that the server owns; otherwise an H2 file, as Dockerfile.tomcat does.
 * <p>One Tomcat per test JVM, however many launcher sessions the test runner opens; it stops when the JVM does.
 */
public class StandaloneTomcat implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(StandaloneTomcat.class.getName());

    private static Process tomcat;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String home = System.getProperty("gatehouse.it.tomcat");
        if (home != null) {
            startOnce(home);
        }
    }

    private static synchronized void startOnce(String home) {
        if (tomcat != null) {
            return;
        }
        try {
            start(Paths.get(home).toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Tomcat from " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stop() {
        tomcat.destroy();
        try {
            if (!tomcat.waitFor(60, TimeUnit.SECONDS)) {
                tomcat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void start(Path home) throws IOException, InterruptedException {
        String port = System.getProperty("it.port");
        Path base = Paths.get(System.getProperty("gatehouse.it.tomcat.base")).toAbsolutePath();
        Path docker = Paths.get(System.getProperty("gatehouse.docker", "docker")).toAbsolutePath();
        deleteRecursively(base);
        for (String directory : new String[] {"bin", "conf", "logs", "temp", "webapps", "work"}) {
            Files.createDirectories(base.resolve(directory));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path file : conf.toList()) {
                Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
            }
        }
        Files.copy(docker.resolve("tomcat/server.xml"), base.resolve("conf/server.xml"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(docker.resolve("tomcat/setenv.sh"), base.resolve("bin/setenv.sh"));
        Files.copy(Paths.get(System.getProperty("gatehouse.war")), base.resolve("webapps/ROOT.war"));
        String jndiDatabase = System.getProperty("gatehouse.it.jndi.database");
        if (jndiDatabase != null) {
            defineServerDataSource(base.resolve("conf/context.xml"), jndiDatabase);
        }

        ProcessBuilder builder = new ProcessBuilder("sh", home.resolve("bin/catalina.sh").toString(), "run")
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("logs/console.log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("CATALINA_HOME", home.toString());
        environment.put("CATALINA_BASE", base.toString());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("GATEHOUSE_ADDRESS", "127.0.0.1");
        environment.put("GATEHOUSE_PORT", port);
        String postgres = System.getProperty("gatehouse.db.url");
        if (postgres != null) {
            environment.put("GATEHOUSE_DB_URL", postgres);
            environment.put("GATEHOUSE_DB_USER", System.getProperty("gatehouse.db.user"));
        } else if (jndiDatabase == null) {
            environment.put("GATEHOUSE_DB_URL", "jdbc:h2:file:" + base.resolve("data/gatehouse"));
        }
        Instant started = Instant.now();
        tomcat = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(StandaloneTomcat::stop, "stop-tomcat"));

        URI root = URI.create("http://127.0.0.1:" + port + "/");
        try {
            ServerProcess.awaitOk(tomcat, root, started, base.resolve("logs").toString());
        } catch (RuntimeException | InterruptedException e) {
            tomcat.destroyForcibly();
            throw e;
        }
        System.setProperty("gatehouse.base.url", root.toString());
        LOG.info(() -> "The stories run against " + home.getFileName() + " at " + root);
    }

    /** The pool a Tomcat administrator would define, which the WAR must prefer to its own settings. */
    private static void defineServerDataSource(Path contextXml, String h2File) throws IOException {
        String resource = "    <Resource name=\"jdbc/gatehouse\" auth=\"Container\" type=\"javax.sql.DataSource\""
                + " driverClassName=\"org.h2.Driver\" url=\"jdbc:h2:file:" + h2File + "\""
                + " username=\"\" password=\"\" maxTotal=\"10\" maxWaitMillis=\"5000\"/>\n</Context>";
        Files.writeString(contextXml, Files.readString(contextXml).replace("</Context>", resource));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
