package io.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** A server the tests started as a process of its own: where it answers, what it has written, how to stop it. */
public final class StartedServer implements AutoCloseable {

    /** Payara Micro deploying two WARs took more than 120 s on the shared 2-core machine under load. */
    private static final Duration START_WITHIN = Duration.ofMinutes(4);

    private final Process process;
    private final URI base;
    private final Path log;

    private StartedServer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Runs {@code command}, its output appended to {@code log}, and returns once {@code base} answers 200. */
    static StartedServer start(ProcessBuilder command, URI base, Path log) throws IOException, InterruptedException {
        command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Instant started = Instant.now();
        Process process = command.start();
        try {
            ServerProcess.awaitOk(process, base, started, log.toString(), START_WITHIN);
        } catch (RuntimeException | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        return new StartedServer(process, base, log);
    }

    public URI base() {
        return base;
    }

    /** Returns once {@code path}, under {@link #base()}, answers 200 too: a second deployment may come up later. */
    void awaitOk(String path) throws InterruptedException {
        ServerProcess.awaitOk(process, base.resolve(path), Instant.now(), log.toString(), START_WITHIN);
    }

    /** Everything the server has written so far: the container's log and the application's. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SIGTERM, as docker stop sends; SIGKILL if the server has not stopped within 20 s, as the test JVM that stops
     * it at its exit is killed 30 s after (surefire's exit timeout) and would leave it running.
     */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
