package io.gatehouse.testing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's haproxy, 2.6) as a process of the test's own, in front of two nodes, run with the very
 * {@code docker/haproxy/haproxy.cfg} that compose mounts: only the environment differs. Sticky by cookie, the
 * documented setup, or round-robin.
 */
public final class LoadBalancer implements AutoCloseable {

    public enum Balancing { STICKY, ROUND_ROBIN }

    private final Process haproxy;
    private final int port;
    private final Path log;
    private final Path stats;

    private LoadBalancer(Process haproxy, int port, Path log, Path stats) {
        this.haproxy = haproxy;
        this.port = port;
        this.log = log;
        this.stats = stats;
    }

    /** The configuration the stories and compose share. */
    public static Path configuration() {
        return Paths.get(System.getProperty("gatehouse.docker", "docker"), "haproxy", "haproxy.cfg");
    }

    public static boolean isInstalled() {
        return Files.isExecutable(Paths.get("/usr/sbin/haproxy"));
    }

    public static LoadBalancer start(int port, List<ClusterNode> nodes, Balancing balancing, Path directory)
            throws IOException, InterruptedException {
        if (nodes.size() != 2) {
            throw new IllegalArgumentException("docker/haproxy/haproxy.cfg names two nodes, a and b");
        }
        Files.createDirectories(directory);
        Path log = directory.resolve("haproxy.log");
        Path stats = directory.resolve("haproxy.sock");
        Files.deleteIfExists(stats);
        // -db: in the foreground, a child of this JVM, never a daemon.
        ProcessBuilder builder = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f",
                configuration().toAbsolutePath().toString())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("GATEHOUSE_LB_BIND", "127.0.0.1:" + port);
        builder.environment().put("GATEHOUSE_LB_STATS", stats.toAbsolutePath().toString());
        builder.environment().put("GATEHOUSE_NODE_A", hostAndPort(nodes.get(0)));
        builder.environment().put("GATEHOUSE_NODE_B", hostAndPort(nodes.get(1)));
        if (balancing == Balancing.ROUND_ROBIN) {
            builder.environment().put("GATEHOUSE_LB_ROUND_ROBIN", "1");
        } else {
            builder.environment().remove("GATEHOUSE_LB_ROUND_ROBIN");
        }
        LoadBalancer balancer = new LoadBalancer(builder.start(), port, log, stats);
        balancer.awaitListening();
        return balancer;
    }

    public URI root() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public String log() {
        return log.toString();
    }

    /**
     * Waits until HAProxy's own health checks count this node UP again (two passed checks after its /health is 200):
     * only then is it safe to stop the other node in a rolling restart.
     */
    public void awaitUp(ClusterNode node) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if ("UP".equals(status(node))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("HAProxy does not count node " + node.name() + " UP within 60 s; see " + log);
    }

    /**
     * Takes the node out of the balance, as an operator does before stopping it: no request goes to it any more, a
     * browser pinned to it included (it goes to the other node); returns once the requests it was serving are done.
     */
    public void takeOut(ClusterNode node) throws IOException, InterruptedException {
        command("set server nodes/" + node.name() + " state maint");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"0".equals(stat(node, "scur"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("node " + node.name() + " still serving 30 s after it was taken out");
            }
            Thread.sleep(50);
        }
    }

    /** Puts the node back in the balance, once its health checks pass again ({@link #awaitUp}). */
    public void putBack(ClusterNode node) throws IOException, InterruptedException {
        command("set server nodes/" + node.name() + " state ready");
        awaitUp(node);
    }

    /** The node's status column in the runtime API's "show stat" (CSV): UP, DOWN, "UP 1/2", MAINT, … */
    private String status(ClusterNode node) throws IOException {
        return stat(node, "status");
    }

    private String stat(ClusterNode node, String column) throws IOException {
        String csv = command("show stat");
        List<String> columns = List.of(csv.lines().findFirst().orElse("").replaceFirst("^# ", "").split(","));
        int server = columns.indexOf("svname");
        int wanted = columns.indexOf(column);
        return csv.lines().map(line -> line.split(",", -1))
                .filter(fields -> fields.length > wanted && fields[0].equals("nodes")
                        && fields[server].equals(node.name()))
                .map(fields -> fields[wanted]).findFirst().orElse("absent");
    }

    /** One command of HAProxy's runtime API, and its answer. */
    private String command(String command) throws IOException {
        try (SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(stats))) {
            socket.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new String(Channels.newInputStream(socket).readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private void awaitListening() throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!haproxy.isAlive()) {
                throw new IllegalStateException("haproxy exited with " + haproxy.exitValue() + ": "
                        + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (ConnectException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("haproxy not listening on " + port + " within 10 s; see " + log);
    }

    private static String hostAndPort(ClusterNode node) {
        return node.root().getHost() + ":" + node.root().getPort();
    }

    @Override
    public void close() throws InterruptedException {
        haproxy.destroy();
        if (!haproxy.waitFor(10, TimeUnit.SECONDS)) {
            haproxy.destroyForcibly();
        }
    }
}
