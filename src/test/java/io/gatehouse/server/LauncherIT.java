package io.gatehouse.server;

import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.ServerProcess;
import io.gatehouse.testing.WebClient;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.gatehouse.testing.GatehouseIT.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar target/gatehouse.jar} as a user runs it: from a directory of its own, on the default H2 file
 * under ./data, killed and started again.
 */
@Tag("launcher")
class LauncherIT {

    private static final Logger LOG = Logger.getLogger(LauncherIT.class.getName());

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    private final int port = Integer.getInteger("it.launcher.port", 18081);
    private final URI base = URI.create("http://127.0.0.1:" + port + "/");
    private Path workingDirectory;
    private Process server;

    @BeforeEach
    void aDirectoryOfItsOwn() throws IOException {
        Path root = Paths.get("target", "launcher-it").toAbsolutePath();
        Files.createDirectories(root);
        workingDirectory = Files.createTempDirectory(root, "run-");
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anAccountSurvivesKillDashNineRightAfterSignUp() throws Exception {
        start();
        WebClient alice = new WebClient(base, lastResponse);
        assertEquals(303, alice.signUp("alice", PASSWORD).status());

        server.destroyForcibly();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        start();

        Page signedIn = new WebClient(base, lastResponse).signIn("alice", PASSWORD);
        assertEquals(303, signedIn.status());
        assertEquals("/profile", signedIn.location());
    }

    @Test
    void theDefaultDatabaseIsAnH2FileUnderDataInTheWorkingDirectory() throws Exception {
        start();

        assertTrue(Files.exists(workingDirectory.resolve("data/gatehouse.mv.db")));
    }

    @Test
    void theConnectorsOwnErrorsNameNoServer() throws Exception {
        start();

        String answer = rawRequest("GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertFalse(answer.contains("Tomcat"), answer);
        assertFalse(answer.contains("Exception"), answer);
        assertFalse(answer.contains("\nServer:"), answer);
    }

    @Test
    void sigtermShutsDownCleanly() throws Exception {
        start();
        assertEquals(303, new WebClient(base, lastResponse).signUp("alice", PASSWORD).status());

        server.destroy();

        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "still running 30 s after SIGTERM");
        assertEquals(143, server.exitValue(), "128 + SIGTERM, after the shutdown hook ran");
        String log = Files.readString(workingDirectory.resolve("server.log"));
        assertFalse(log.contains("SEVERE"), log);
        assertFalse(log.contains("Exception in thread"), log);
        assertFalse(log.contains("failed to stop it"), log);
        assertTrue(log.contains("Stopping ProtocolHandler"), "Tomcat did not stop its connector:\n" + log);
        assertTrue(log.contains("gatehouse - Shutdown completed"), "the connection pool was not closed:\n" + log);
    }

    /**
     * Each Argon2id hash takes 19 MiB of heap: 200 at once would be 3.8 GiB. The hashing slots let one a core run,
     * the rest wait, and those that wait too long get the documented 503; nothing runs out of memory.
     */
    @Test
    void aBurstOf200SignInsOnA256MiBHeapQueuesAndNeverRunsOutOfMemory() throws Exception {
        start("-Xmx256m");
        assertEquals(303, new WebClient(base, lastResponse).signUp("alice", PASSWORD).status());
        int burst = 200;
        ExecutorService visitors = Executors.newFixedThreadPool(burst);
        CyclicBarrier together = new CyclicBarrier(burst);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < burst; i++) {
                String password = i % 4 == 0 ? "not the password at all" : PASSWORD;
                answers.add(visitors.submit(() -> {
                    WebClient visitor = new WebClient(base, lastResponse);
                    Map<String, String> form = visitor.signInForm(Map.of("j_username", "alice", "j_password", password));
                    together.await(60, TimeUnit.SECONDS);
                    return visitor.post("j_security_check", form).status();
                }));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(120, TimeUnit.SECONDS), 1, Integer::sum);
            }
            LOG.info(() -> "answers to " + burst + " simultaneous sign-ins on -Xmx256m, by status: " + statuses);

            String log = Files.readString(workingDirectory.resolve("server.log"));
            assertFalse(log.contains("OutOfMemoryError"), log);
            assertTrue(Set.of(303, 503).containsAll(statuses.keySet()), statuses::toString);
            assertTrue(statuses.getOrDefault(303, 0) > 0, statuses::toString);
            assertTrue(server.isAlive());
            assertEquals("/profile", new WebClient(base, lastResponse).signIn("alice", PASSWORD).location());
        } finally {
            visitors.shutdownNow();
        }
    }

    private String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private void start(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-jar");
        command.add(Paths.get(System.getProperty("gatehouse.jar", "target/gatehouse.jar")).toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workingDirectory.resolve("server.log").toFile()));
        builder.environment().put("GATEHOUSE_PORT", String.valueOf(port));
        builder.environment().remove("GATEHOUSE_DB_URL");
        Instant started = Instant.now();
        server = builder.start();
        Duration firstOk = ServerProcess.awaitOk(server, base, started, workingDirectory.resolve("server.log").toString());
        LOG.info(() -> "first 200 after " + firstOk.toMillis() + " ms");
    }
}
