package io.gatehouse.server;

import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.Scrape;
import io.gatehouse.testing.ServerProcess;
import io.gatehouse.testing.SocatProxy;
import io.gatehouse.testing.WebClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.gatehouse.testing.GatehouseIT.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar target/gatehouse.jar} as a user runs it: from a directory of its own, on the default H2 file
 * under ./data, killed and started again; and as an operator meets it when it cannot start: a bad setting, a
 * taken port, a database that is not there (yet). A start that cannot serve exits with 1 and says why in one line.
 */
@Tag("launcher")
class LauncherIT {

    private static final Logger LOG = Logger.getLogger(LauncherIT.class.getName());

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    /** "Within seconds": generous on a loaded 2-core machine; the point is that a failed start does not linger. */
    private static final Duration NEVER_LINGERS = Duration.ofSeconds(40);
    private static final Pattern ONE_EVENT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z (INFO|WARNING|SEVERE) [\\w$-]+ \\S.*");

    private final int port = Integer.getInteger("it.launcher.port", 18081);
    /** Ports beside the launcher's: where no database listens, where one comes up late, the metrics listener. */
    private final int nothingListens = port + 11;
    private final int lateDatabase = port + 12;
    private final int metricsPort = port + 13;
    private final URI metrics = URI.create("http://127.0.0.1:" + metricsPort + "/");
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

    /**
     * kill -9 fires no session listener, so the registry rows of that node's sessions stay live; the node ends them
     * when it starts again under the same name (GATEHOUSE_NODE_NAME), so that no row outlives its session. One node,
     * no cluster settings.
     */
    @Test
    void theSessionsOfANodeKilledWithDashNineAreEndedWhenItStartsAgainUnderItsName() throws Exception {
        Map<String, String> node = Map.of("GATEHOUSE_NODE_NAME", "launcher-it-node");
        start(node);
        WebClient before = new WebClient(base, lastResponse);
        assertEquals(303, before.signUp("alice", PASSWORD).status());
        assertEquals(200, before.get("profile").status());

        // At once: what the node answered is in its database file before the answer (decision 025).
        server.destroyForcibly();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        start(node);

        String log = Files.readString(log());
        assertTrue(log.contains("Session registry: 1 rows this node left behind ended"), "no row ended at the restart:\n" + log);
        Page oldCookie = before.get("profile");
        assertEquals(303, oldCookie.status());
        assertEquals("/login", oldCookie.location());
        WebClient after = new WebClient(base, lastResponse);
        assertEquals("/profile", after.signIn("alice", PASSWORD).location());
        Page sessions = after.get("account/sessions");
        assertEquals(200, sessions.status());
        assertEquals(1, sessions.body().split("<tr class=\"session\">", -1).length - 1,
                "the killed node's session is still listed as live:\n" + sessions.body());
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

    /** The drain a node of a cluster has by default (3 s), set here on one node, where it is off unless set. */
    @Test
    void sigtermFirstDrainsSayingNotReadyWhileItStillServesThenShutsDownCleanly() throws Exception {
        start(Map.of("GATEHOUSE_SHUTDOWN_DRAIN", "PT4S"));
        WebClient alice = new WebClient(base, lastResponse);
        assertEquals(303, alice.signUp("alice", PASSWORD).status());
        WebClient balancer = new WebClient(base, lastResponse);
        assertEquals(200, balancer.get("health").status());

        server.destroy();

        Page health = balancer.get("health");
        for (int polls = 0; health.status() == 200 && polls < 20; polls++) {
            Thread.sleep(100);
            health = balancer.get("health");
        }
        assertEquals(503, health.status(), health::toString);
        assertEquals("{\"status\":\"DOWN\",\"db\":\"UP\",\"node\":\"STOPPING\"}", health.body());
        Page profile = alice.get("profile");
        assertEquals(200, profile.status(), "still served while it drains");
        assertTrue(profile.body().contains("Welcome, alice"), profile.body());
        assertTrue(server.isAlive(), "stopped before its drain was over");

        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "still running 30 s after SIGTERM");
        assertEquals(143, server.exitValue(), "128 + SIGTERM, after the shutdown hook ran");
        String log = Files.readString(workingDirectory.resolve("server.log"));
        assertFalse(log.contains("SEVERE"), log);
        assertFalse(log.contains("Exception in thread"), log);
        assertFalse(log.contains("failed to stop it"), log);
        assertTrue(log.contains("Stopping ProtocolHandler"), "Tomcat did not stop its connector:\n" + log);
        assertTrue(log.contains("gatehouse - Shutdown completed"), "the connection pool was not closed:\n" + log);
        assertFalse(log.contains("WARNING"), "a warning on a clean start and stop:\n" + log);
        for (String line : log.lines().toList()) {
            assertTrue(ONE_EVENT.matcher(line).matches() || line.startsWith("{\"time\":"), "not one event per line: " + line);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GATEHOUSE_PORT|abc|GATEHOUSE_PORT (gatehouse.port) is \"abc\", but must be a port number from 1 to 65535",
        "GATEHOUSE_PORT|70000|GATEHOUSE_PORT (gatehouse.port) is \"70000\", but must be a port number from 1 to 65535",
        "GATEHOUSE_SESSION_IDLE_TIMEOUT|15m|GATEHOUSE_SESSION_IDLE_TIMEOUT (gatehouse.session.idle.timeout) is \"15m\", but must be a positive ISO-8601 duration such as PT30S, PT15M or PT8H",
        "GATEHOUSE_DB_WAIT|PT0S|GATEHOUSE_DB_WAIT (gatehouse.db.wait) is \"PT0S\", but must be a positive ISO-8601 duration such as PT30S, PT15M or PT8H",
        "GATEHOUSE_TRUSTED_PROXIES|10\\.0\\.(|GATEHOUSE_TRUSTED_PROXIES (gatehouse.trusted.proxies) is \"10\\.0\\.(\", but must be a Java regular expression",
        "GATEHOUSE_DB_URL|jdbc:mysql://db/gatehouse?password=hunter2|GATEHOUSE_DB_URL (gatehouse.db.url) is \"jdbc:mysql://db/gatehouse?password=***\", but must be a JDBC URL starting with jdbc:h2: or jdbc:postgresql:",
        "GATEHOUSE_BENCH_CHEAP_HASH|yes|GATEHOUSE_BENCH_CHEAP_HASH (gatehouse.bench.cheap.hash) is \"yes\", but must be true or false",
        "GATEHOUSE_BENCH_WITHOUT_SESSION_CHECK|yes|GATEHOUSE_BENCH_WITHOUT_SESSION_CHECK (gatehouse.bench.without.session.check) is \"yes\", but must be true or false"
    })
    void aBadSettingStopsTheStartWithOneLineNamingItAndWhatIsAllowed(String variable, String value, String says)
            throws Exception {
        Failed start = failedStart(Map.of(variable, value));

        assertEquals(1, start.exitCode());
        assertEquals(1, start.lines().size(), String.join("\n", start.lines()));
        assertTrue(start.lastLine().endsWith(" SEVERE GatehouseServer Gatehouse did not start: " + says), start.lastLine());
        assertTrue(start.took().compareTo(NEVER_LINGERS) < 0, "took " + start.took());
    }

    @Test
    void theBenchSwitchThatSkipsTheSessionCheckStopsTheStartUnlessTheCheapHashIsOnToo() throws Exception {
        Failed start = failedStart(Map.of("GATEHOUSE_BENCH_WITHOUT_SESSION_CHECK", "true"));

        assertEquals(1, start.exitCode());
        start.eachLineIsOneEvent();
        assertTrue(start.lastLine().endsWith(" SEVERE GatehouseServer Gatehouse did not start: "
                + "GATEHOUSE_BENCH_WITHOUT_SESSION_CHECK=true without GATEHOUSE_BENCH_CHEAP_HASH=true: refusing to start. "
                + "Skipping the session check is for benchmarks only, on a database of their own."), start.lastLine());
    }

    @Test
    void aTakenPortStopsTheStartWithinSecondsWithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            Failed start = failedStart(Map.of());

            assertEquals(1, start.exitCode());
            assertEquals(1, start.lines().size(), String.join("\n", start.lines()));
            assertTrue(start.lastLine().endsWith(" SEVERE GatehouseServer Gatehouse did not start: cannot listen on 127.0.0.1:"
                    + port + " (GATEHOUSE_ADDRESS, GATEHOUSE_PORT): Address already in use"), start.lastLine());
            assertTrue(start.took().compareTo(NEVER_LINGERS) < 0, "took " + start.took());
        }
    }

    @Test
    void anUnreachableDatabaseIsTriedForTheWaitThenNamedWithoutItsPassword() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + nothingListens + "/gatehouse?password=";
        Failed start = failedStart(Map.of("GATEHOUSE_DB_URL", url + "hunter2", "GATEHOUSE_DB_WAIT", "PT4S"));

        assertEquals(1, start.exitCode());
        start.eachLineIsOneEvent();
        assertFalse(String.join("\n", start.lines()).contains("hunter2"), "the password in the log");
        List<String> tries = start.lines().stream().filter(line -> line.contains(" WARNING DatabaseWait ")).toList();
        assertTrue(tries.size() >= 2, String.join("\n", start.lines()));
        assertTrue(tries.get(0).contains("The database at " + url + "*** does not answer yet (try 1, waiting up to 4 s): "
                + "Connection to 127.0.0.1:" + nothingListens + " refused"), tries.get(0));
        assertTrue(start.lastLine().contains(" SEVERE GatehouseServer Gatehouse did not start: the database at " + url
                + "*** did not answer within 4 s (GATEHOUSE_DB_WAIT): Connection to 127.0.0.1:" + nothingListens
                + " refused"), start.lastLine());
        assertTrue(start.took().compareTo(NEVER_LINGERS.plusSeconds(4)) < 0, "took " + start.took());
        assertFalse(start.lines().stream().anyMatch(line -> line.contains("WARNING WebappClassLoaderBase")),
                "drivers left registered: " + String.join("\n", start.lines()));
    }

    @Test
    void aDatabaseThatComesUpAfterGatehouseIsWaitedFor() throws Exception {
        SocatProxy.assumeInstalled();
        String postgres = System.getProperty("gatehouse.db.url");
        Assumptions.assumeTrue(postgres != null && postgres.startsWith("jdbc:postgresql://"), "the stories' PostgreSQL");
        URI real = URI.create(postgres.substring("jdbc:".length()));
        String late = postgres.replace(":" + real.getPort() + "/", ":" + lateDatabase + "/");

        Instant started = Instant.now();
        server = launch(Map.of("GATEHOUSE_DB_URL", late, "GATEHOUSE_DB_USER", System.getProperty("gatehouse.db.user", ""),
                "GATEHOUSE_DB_WAIT", "PT90S"));
        awaitLogLine("does not answer yet (try 2,");
        try (SocatProxy database = SocatProxy.start(lateDatabase, real.getPort())) {
            Duration firstOk = ServerProcess.awaitOk(server, base, started, log().toString());
            LOG.info(() -> "first 200 after " + firstOk.toMillis() + " ms");
            assertTrue(Files.readString(log()).contains("The database at " + late + " answered on try "));
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        }
    }

    /**
     * The stories that only look at a running launcher share one start (each start is seconds of Weld, Faces and
     * the pool), with the metrics listener on; JUnit runs them after the stories above, which need the ports free.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OneRunningLauncher {

        private Process running;
        private Path directory;

        @BeforeAll
        void start() throws Exception {
            aDirectoryOfItsOwn();
            try {
                LauncherIT.this.start(Map.of("GATEHOUSE_METRICS_PORT", String.valueOf(metricsPort), "GATEHOUSE_METRICS_TOKEN", "a-token"));
            } finally {
                // Each story's own start is stopped after it; this one lives until the last of these stories.
                running = server;
                directory = workingDirectory;
                server = null;
            }
        }

        @AfterAll
        void stop() throws InterruptedException {
            if (running != null) {
                running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }

        @Test
        void theDefaultDatabaseIsAnH2FileUnderDataInTheWorkingDirectory() throws Exception {
            assertTrue(Files.exists(directory.resolve("data/gatehouse.mv.db")));
        }

        @Test
        void theConnectorsOwnErrorsNameNoServer() throws Exception {
            String answer = rawRequest("GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertFalse(answer.contains("Tomcat"), answer);
            assertFalse(answer.contains("Exception"), answer);
            assertFalse(answer.contains("\nServer:"), answer);
        }

        @Test
        void metricsAreServedOnTheirOwnListenerAndCountAKnownSequenceExactly() throws Exception {
            Scrape before = scrape();
            String name = GatehouseIT.newUsername();

            assertEquals(303, new WebClient(base, lastResponse).signUp(name, PASSWORD).status());
            WebClient visitor = new WebClient(base, lastResponse);
            assertEquals("/login?error", visitor.signIn(name, "not the password at all").location());
            assertEquals("/login?error", visitor.signIn(name, "nor this one either").location());
            assertEquals("/profile", visitor.signIn(name, PASSWORD).location());
            assertEquals(303, visitor.get("logout").status());
            Scrape after = scrape();

            Map<String, Double> moved = Map.of(
                    "gatehouse_sign_ups_total{outcome=\"ok\"}", 1.0,
                    "gatehouse_sign_ups_total{outcome=\"name_taken\"}", 0.0,
                    "gatehouse_sign_ups_total{outcome=\"rejected\"}", 0.0,
                    "gatehouse_sign_ins_total{outcome=\"wrong_password\"}", 2.0,
                    "gatehouse_sign_ins_total{outcome=\"ok\"}", 1.0,
                    "gatehouse_sign_ins_total{outcome=\"throttled\"}", 0.0,
                    "gatehouse_sign_ins_total{outcome=\"too_busy\"}", 0.0,
                    "gatehouse_sign_outs_total", 1.0);
            moved.forEach((series, by) -> assertEquals(by, after.value(series) - before.value(series), series));
            // The sign-up hashes the new password, then signs in with it: 2 turns at a slot; each sign-in form: 3 more.
            Map<String, Double> hashed = Map.of(
                    "gatehouse_password_hash_seconds_count", 5.0,
                    "gatehouse_hashing_slot_wait_seconds_count", 5.0,
                    "gatehouse_hashing_slot_refusals_total", 0.0);
            hashed.forEach((series, by) -> assertEquals(by, after.value(series) - before.value(series), series));
            assertTrue(after.value("gatehouse_sessions_live") >= 1, "the sign-up's session is still open");
            assertTrue(after.value("hikaricp_connections_max{pool=\"gatehouse\"}") > 0, after.text());
            assertTrue(after.text().contains("\njvm_memory_used_bytes{"), "the JVM's figures");
            assertTrue(after.text().contains("\ntomcat_global_request_seconds_count{"), "Tomcat's request figures");
            assertEquals("", after.promtoolFindings());
        }

        @Test
        void theMetricsListenerServesNothingElseAndTheApplicationPortNoMetrics() throws Exception {
            HttpClient http = HttpClient.newHttpClient();

            for (String path : List.of("", "login", "register", "health", "metrics/", "metricsx")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(metrics.resolve("/" + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(404, answer.statusCode(), path);
                assertEquals("Not Found", answer.body(), path);
            }
            Page onTheApplicationPort = new WebClient(base, lastResponse)
                    .send(HttpRequest.newBuilder(base.resolve("/metrics")).header("Authorization", "Bearer a-token"));
            assertEquals(404, onTheApplicationPort.status());
            assertEquals("Not Found", onTheApplicationPort.body());
        }
    }

    @Test
    void aTakenMetricsPortStopsTheStartWithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(metricsPort, 1, InetAddress.getByName("127.0.0.1"))) {
            Failed start = failedStart(Map.of("GATEHOUSE_METRICS_PORT", String.valueOf(metricsPort)));

            assertEquals(1, start.exitCode());
            assertEquals(1, start.lines().size(), String.join("\n", start.lines()));
            assertTrue(start.lastLine().endsWith(" SEVERE GatehouseServer Gatehouse did not start: cannot listen on 127.0.0.1:"
                    + metricsPort + " (GATEHOUSE_METRICS_ADDRESS, GATEHOUSE_METRICS_PORT): Address already in use"),
                    start.lastLine());
            assertTrue(start.took().compareTo(NEVER_LINGERS) < 0, "took " + start.took());
        }
    }

    private Scrape scrape() throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        return new Scrape(answer.body());
    }

    private void awaitLogLine(String part) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.readString(log()).contains(part)) {
            assertTrue(server.isAlive() && Instant.now().isBefore(deadline), "no line with " + part + " in " + log());
            Thread.sleep(100);
        }
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
            // A sign-in now would meet the throttle that the burst's wrong passwords set off (how many were
            // checked depends on the machine's speed), so the server proves it still serves with its health check.
            assertEquals(200, new WebClient(base, lastResponse).get("health").status());
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
        start(Map.of(), jvmOptions);
    }

    private void start(Map<String, String> settings, String... jvmOptions) throws IOException, InterruptedException {
        Instant started = Instant.now();
        server = launch(settings, jvmOptions);
        Duration firstOk = ServerProcess.awaitOk(server, base, started, log().toString());
        LOG.info(() -> "first 200 after " + firstOk.toMillis() + " ms");
    }

    private Process launch(Map<String, String> settings, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-jar");
        command.add(Paths.get(System.getProperty("gatehouse.jar", "target/gatehouse.jar")).toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().put("GATEHOUSE_PORT", String.valueOf(port));
        builder.environment().remove("GATEHOUSE_DB_URL");
        builder.environment().putAll(settings);
        return builder.start();
    }

    /** Starts the launcher, which must give up: its exit code, how long it took, and the lines it logged. */
    private Failed failedStart(Map<String, String> settings) throws IOException, InterruptedException {
        Instant started = Instant.now();
        server = launch(settings);
        assertTrue(server.waitFor(120, TimeUnit.SECONDS), "still running 120 s after a start that cannot serve");
        Duration took = Duration.between(started, Instant.now());
        return new Failed(server.exitValue(), took, Files.readAllLines(log()));
    }

    private Path log() {
        return workingDirectory.resolve("server.log");
    }

    private record Failed(int exitCode, Duration took, List<String> lines) {

        String lastLine() {
            return lines.get(lines.size() - 1);
        }

        /** Every line is one event: time, level, the logger's short name; no stack trace, no "Caused by". */
        void eachLineIsOneEvent() {
            for (String line : lines) {
                assertTrue(ONE_EVENT.matcher(line).matches(), "not one event per line: " + line);
            }
        }
    }
}
