package io.gatehouse.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's socat between the application and its database, on loopback: stopped, it makes the database refuse
 * connections; frozen with SIGSTOP, it makes the database hang with every connection open.
 */
public final class SocatProxy implements AutoCloseable {

    private static final File SOCAT = new File("/usr/bin/socat");

    private final int port;
    private final int targetPort;
    private Process process;

    private SocatProxy(int port, int targetPort) {
        this.port = port;
        this.targetPort = targetPort;
    }

    public static boolean isInstalled() {
        return SOCAT.canExecute();
    }

    /** Without socat a developer's run skips the database-fault story, visibly; on CI it must run. */
    public static void assumeInstalled() {
        boolean installed = isInstalled();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's socat (see .ci/run)");
        }
        Assumptions.assumeTrue(installed, "install Debian's socat to run the database-fault story");
    }

    public static SocatProxy start(int port, int targetPort) {
        SocatProxy proxy = new SocatProxy(port, targetPort);
        proxy.open();
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Stops relaying and listening: every connection is cut, and new ones are refused. */
    public void refuse() {
        kill("-STOP", List.of(process.toHandle())); // so that it forks no more while its connections are listed
        processes().forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Listens and relays again, after {@link #refuse()}. */
    public void open() {
        try {
            process = new ProcessBuilder(SOCAT.getPath(),
                    "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork", "TCP:127.0.0.1:" + targetPort)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitListening();
    }

    /** Freezes the proxy and every connection it relays: the database seems to hang, sockets open. */
    public void hang() {
        signal("-STOP");
    }

    /** Thaws what {@link #hang()} froze. */
    public void resume() {
        signal("-CONT");
    }

    @Override
    public void close() {
        resume();
        refuse();
    }

    /** The listener and every connection it relays. */
    private List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    /**
     * The listener first, then the connections it relays: a connection it forked while the descendants were being
     * listed would otherwise be left relaying, and the database would answer through it during a "hang".
     */
    private void signal(String signal) {
        kill(signal, List.of(process.toHandle()));
        kill(signal, process.descendants().toList());
    }

    private static void kill(String signal, List<ProcessHandle> processes) {
        if (processes.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", signal));
        processes.forEach(handle -> command.add(String.valueOf(handle.pid())));
        try {
            new ProcessBuilder(command).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("socat is not listening on " + port);
    }
}
