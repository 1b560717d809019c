package io.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
 */
public class StandaloneTomcat implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(StandaloneTomcat.class.getName());

    private Process tomcat;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String home = System.getProperty("gatehouse.it.tomcat");
        if (home == null) {
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

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (tomcat == null) {
            return;
        }
        tomcat.destroy();
        try {
            if (!tomcat.waitFor(60, TimeUnit.SECONDS)) {
                tomcat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(Path home) throws IOException, InterruptedException {
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
        environment.put("GATEHOUSE_DB_URL", "jdbc:h2:file:" + base.resolve("data/gatehouse"));
        tomcat = builder.start();

        URI root = URI.create("http://127.0.0.1:" + port + "/");
        awaitOk(root, base);
        System.setProperty("gatehouse.base.url", root.toString());
        LOG.info(() -> "The stories run against " + home.getFileName() + " at " + root);
    }

    private void awaitOk(URI root, Path base) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!tomcat.isAlive()) {
                throw new IllegalStateException("Tomcat exited; see " + base.resolve("logs/console.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(root).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYet) {
                // Still starting.
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Tomcat gave no 200 on " + root + " within 120 s; see " + base.resolve("logs"));
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
