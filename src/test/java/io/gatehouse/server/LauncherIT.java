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
import java.util.Map;
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
    void aRememberedDeviceIsStillSignedInAfterARestart() throws Exception {
        start();
        WebClient alice = new WebClient(base, lastResponse);
        assertEquals(303, alice.signUp("alice", PASSWORD).status());
        alice.submitSignIn("j_security_check", Map.of("j_username", "alice", "j_password", PASSWORD, "remember", "yes"));
        String token = alice.cookie("gatehouse-remember").orElseThrow();

        server.destroy();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        start();
        alice.dropCookie("JSESSIONID");

        Page profile = alice.get("profile");
        assertEquals(200, profile.status());
        assertTrue(profile.body().contains("Welcome, alice"), profile.body());
        assertFalse(token.equals(alice.cookie("gatehouse-remember").orElseThrow()), "signed in by the remembered token");
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

    private String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Paths.get(System.getProperty("gatehouse.jar", "target/gatehouse.jar")).toAbsolutePath().toString())
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
