package io.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/gatehouse.jar} in a directory of its own under target/, with the environment a test
 * gives it: the runtime we ship, for the stories that need its connector, its settings or a database to fail.
 */
public final class LaunchedServer implements AutoCloseable {

    private final Path directory;
    private final URI base;
    private final Process process;

    private LaunchedServer(Path directory, URI base, Process process) {
        this.directory = directory;
        this.base = base;
        this.process = process;
    }

    /** Starts the launcher on {@code it.launcher.port} and returns once it answers "/" with 200. */
    public static LaunchedServer start(Map<String, String> environment) throws IOException, InterruptedException {
        int port = Integer.getInteger("it.launcher.port", 18081);
        Path root = Paths.get("target", "launched").toAbsolutePath();
        Files.createDirectories(root);
        Path directory = Files.createTempDirectory(root, "run-");
        ProcessBuilder builder = new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Paths.get(System.getProperty("gatehouse.jar", "target/gatehouse.jar")).toAbsolutePath().toString())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("server.log").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_"));
        builder.environment().put("GATEHOUSE_PORT", String.valueOf(port));
        builder.environment().putAll(environment);
        LaunchedServer server = new LaunchedServer(directory, URI.create("http://127.0.0.1:" + port + "/"), builder.start());
        server.awaitFirstOk();
        return server;
    }

    public URI base() {
        return base;
    }

    public WebClient visitor(LastResponse lastResponse) {
        return new WebClient(base, lastResponse);
    }

    /** Everything the server has written so far: Tomcat's log and the application's. */
    public String log() {
        try {
            return Files.readString(directory.resolve("server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void awaitFirstOk() throws InterruptedException {
        WebClient probe = new WebClient(base, page -> { });
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the launcher exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (probe.get("").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // Keep waiting.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no 200 from " + base + " within 90 s:\n" + log());
    }
}
