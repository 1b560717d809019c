package io.gatehouse.security;

import io.gatehouse.testing.ClusterNode;
import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.LoadBalancer;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.RawHttp;
import io.gatehouse.testing.Scrape;
import io.gatehouse.testing.ServerProcess;
import io.gatehouse.testing.WebClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.gatehouse.testing.GatehouseIT.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two launcher nodes on one PostgreSQL behind HAProxy in round-robin (docker/haproxy/haproxy.cfg, as ClusterIT runs
 * it): wrong passwords sent through the balancer are throttled exactly where one node's throttle would, for one
 * account and for one address. Which node answered each attempt, and whether it was throttled, is read from the
 * nodes' own metrics (the answer itself is the same by design): the attempts were spread over both nodes, and the
 * security logs agree. The nodes are not clustered: the throttle lives in the database, and the sign-in form's token
 * in a cookie, so neither needs the session engine.
 * <p>The expected outcome of each attempt is the documented rule's ({@link SignInThrottle#PER_ACCOUNT} and
 * {@link SignInThrottle#PER_ADDRESS}), and the test sends each attempt either well inside a closed door or well
 * after it opened, so that a loaded machine's timing never makes the outcome a coin toss.
 */
@Tag("launcher")
class SignInThrottleAcrossNodesIT {

    private static final Logger LOG = Logger.getLogger(SignInThrottleAcrossNodesIT.class.getName());
    private static final String WRONG = "not the password at all";
    /**
     * How far from a door's opening an attempt is sent. A failure is counted just before its answer (the door closes
     * then, on the database's clock, the machine's here), and the next attempt is checked a little after it is sent.
     */
    private static final Duration MARGIN = Duration.ofMillis(700);
    /**
     * Beside LauncherIT's ports (launcher port + 11 to + 13): PostgreSQL, then the nodes' HTTP (+ 1, + 2), their
     * metrics (+ 3, + 4) and the balancer (+ 5).
     */
    private static final int BASE_PORT = Integer.getInteger("it.launcher.port", 18081) + 14;
    private static final String FORM_TOKEN_COOKIE = "gatehouse-csrf";

    private static EmbeddedPostgres postgres;
    private static Node a;
    private static Node b;
    private static LoadBalancer balancer;

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    @BeforeAll
    static void twoNodesOnOnePostgresBehindTheBalancer() throws IOException, InterruptedException {
        if (!LoadBalancer.isInstalled() && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's haproxy (see .ci/run)");
        }
        Assumptions.assumeTrue(LoadBalancer.isInstalled(), "install Debian's haproxy to run the throttle across nodes");
        postgres = EmbeddedPostgres.builder().setPort(BASE_PORT).start();
        Path root = Files.createDirectories(Paths.get("target", "throttle-it").toAbsolutePath());
        Instant started = Instant.now();
        a = new Node("a", BASE_PORT + 1, BASE_PORT + 3, root);
        b = new Node("b", BASE_PORT + 2, BASE_PORT + 4, root);
        a.launch();
        b.launch();
        a.awaitOk(started);
        b.awaitOk(started);
        LOG.info(() -> "two nodes answered after " + Duration.between(started, Instant.now()).toMillis() + " ms");
        balancer = LoadBalancer.start(BASE_PORT + 5, List.of(a, b), LoadBalancer.Balancing.ROUND_ROBIN,
                Files.createTempDirectory(root, "haproxy-"));
        balancer.awaitUp(a);
        balancer.awaitUp(b);
    }

    @AfterAll
    static void stop() throws IOException, InterruptedException {
        if (balancer != null) {
            balancer.close();
        }
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.stop();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twentyWrongPasswordsForOneAccountRoundRobinAreThrottledAsOnOneNode() throws Exception {
        String username = GatehouseIT.newUsername();
        // Straight to a node: the sign-up form's state lives in a session, which these nodes do not share.
        assertEquals(303, new WebClient(a.root(), lastResponse).signUp(username, PASSWORD).status());

        RoundRobin run = roundRobin(SignInThrottle.PER_ACCOUNT, 20, attempt -> new String[] {username, WRONG}, "127.0.0.41");

        assertEquals(run.expected(), run.outcomes());
        assertEquals(List.of("failure", "failure", "failure", "failure", "failure", "failure", "throttled"),
                run.outcomes().subList(0, 7), "five free, the sixth counted and closing, the seventh refused unchecked");
        assertSpreadOverBothNodes(run);
        assertEquals(run.counted(), storedFailures("account:" + username.toLowerCase()));
        assertEquals(20 - run.counted(), a.loggedThrottled(username) + b.loggedThrottled(username),
                "the security logs of both nodes together");
    }

    @Test
    void twentyOneWrongPasswordsFromOneAddressRoundRobinCloseItsDoorAsOnOneNode() throws Exception {
        String owner = GatehouseIT.newUsername();
        assertEquals(303, new WebClient(b.root(), lastResponse).signUp(owner, PASSWORD).status());

        // Wrong passwords for ever new names, then the owner's right one: refused unchecked, the address's door shut.
        RoundRobin run = roundRobin(SignInThrottle.PER_ADDRESS, 22, attempt -> attempt < 21
                ? new String[] {GatehouseIT.newUsername(), WRONG} : new String[] {owner, PASSWORD}, "127.0.0.42");

        assertEquals(run.expected(), run.outcomes());
        assertEquals("failure", run.outcomes().get(20), "twenty free, the twenty-first counted and closing");
        assertEquals("throttled", run.outcomes().get(21), "even the right password");
        assertSpreadOverBothNodes(run);
        assertEquals(21, storedFailures("address:127.0.0.42"));
        assertEquals("/profile", new RawHttp(balancer.root(), "127.0.0.43", lastResponse).postFromPage("/login",
                "/j_security_check", form(owner, PASSWORD)).location(), "other addresses do not wait");
    }

    /**
     * The price of one throttle for all nodes, for docs/security.md: the throttle's own database work per sign-in
     * attempt, its repository's code timed from here on the nodes' PostgreSQL and on an H2 file, each over one open
     * connection as a warm pool hands out. This JVM has neither pool nor H2 (the servers bring their own), so the
     * WAR's H2 is loaded from the built WAR. Nothing is asserted about time.
     */
    @Test
    void theThrottlesDatabaseWorkIsMeasuredOnPostgresAndH2() throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            measure("PostgreSQL 14 (embedded, loopback)", connection);
        }
        Path h2 = Files.createDirectories(Paths.get("target", "throttle-it").toAbsolutePath()).resolve("cost-" + UUID.randomUUID());
        try (Connection connection = OneConnection.h2FromTheWar(h2)) {
            OneConnection.migrate(connection, "db/migration/V5__sign_in_throttle.sql");
            measure("H2 file", connection);
        }
    }

    private static void measure(String database, Connection connection) {
        int rounds = 2_000;
        SignInThrottle throttle = new SignInThrottle(new SignInFailures(OneConnection.of(connection)));
        List<Long> checks = new ArrayList<>();
        List<Long> failures = new ArrayList<>();
        List<Long> successes = new ArrayList<>();
        for (int i = -500; i < rounds; i++) {
            String username = "cost" + Math.floorMod(i, 100);
            String address = "198.51.100." + Math.floorMod(i, 250);
            long start = System.nanoTime();
            throttle.isThrottled(username, address);
            long checked = System.nanoTime();
            throttle.failed(username, address);
            long failed = System.nanoTime();
            throttle.succeeded(username);
            long succeeded = System.nanoTime();
            if (i >= 0) {
                checks.add(checked - start);
                failures.add(failed - checked);
                successes.add(succeeded - failed);
            }
        }
        LOG.info(() -> "sign-in throttle on " + database + ", median (90th percentile) of " + rounds + ", in µs: the check "
                + micros(checks) + ", a failure counted " + micros(failures) + ", a success forgotten " + micros(successes));
    }

    private static String micros(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) / 1_000 + " (" + sorted.get(sorted.size() * 9 / 10) / 1_000 + ")";
    }

    /**
     * {@code attempts} sign-ins that must fail (name and password of each by {@code credentials}) from
     * {@code address}, through the round-robin balancer: each one request, with the form's token fetched once as a
     * guessing script would (so that the balancer alternates the attempts, not a form's fetch and its post), sent
     * where {@code rule} makes the outcome certain; its expected and actual outcome recorded, and the node that
     * answered it.
     */
    private RoundRobin roundRobin(SignInThrottle.Rule rule, int attempts, IntFunction<String[]> credentials,
                                  String address) throws Exception {
        RawHttp attacker = new RawHttp(balancer.root(), address, lastResponse);
        Page form = attacker.get("/login");
        String tokenCookie = form.cookie(FORM_TOKEN_COOKIE)
                .orElseThrow(() -> new AssertionError("no form token cookie from /login")).split(";", 2)[0];
        RoundRobin run = new RoundRobin(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Instant lastCounted = Instant.MIN;
        int counted = 0;
        for (int i = 0; i < attempts; i++) {
            Duration delay = rule.delayAfter(counted);
            boolean closed = !delay.isZero() && Instant.now().isBefore(lastCounted.plus(delay).minus(MARGIN));
            if (!delay.isZero() && !closed) {
                sleepUntil(lastCounted.plus(delay).plus(MARGIN));
            }
            run.expected().add(closed ? "throttled" : "failure");
            SignIns aBefore = a.signIns();
            SignIns bBefore = b.signIns();
            String[] attempt = credentials.apply(i);
            assertEquals("/login?error", attacker.postForm("/j_security_check",
                    "csrf_token=" + form.formToken() + "&" + form(attempt[0], attempt[1]), "Cookie: " + tokenCookie)
                    .location());
            SignIns onA = a.signIns().since(aBefore);
            SignIns onB = b.signIns().since(bBefore);
            assertEquals(1, onA.answered() + onB.answered(), "one node answered attempt " + i + ": " + onA + ", " + onB);
            run.answeredBy().add(onA.answered() == 1 ? a.name() : b.name());
            run.outcomes().add(onA.throttled() + onB.throttled() == 1 ? "throttled" : "failure");
            if (!closed) {
                counted++;
                lastCounted = Instant.now();
            }
        }
        LOG.info(() -> "round robin over two nodes, " + rule + ": " + run.outcomes() + ", answered by " + run.answeredBy());
        return run;
    }

    /** Each node answered at least a quarter of the attempts: the balancer really spread them. */
    private static void assertSpreadOverBothNodes(RoundRobin run) {
        for (Node node : List.of(a, b)) {
            long answered = run.answeredBy().stream().filter(node.name()::equals).count();
            assertTrue(answered >= run.answeredBy().size() / 4, "node " + node.name() + " answered " + answered
                    + " of the attempts: " + run.answeredBy());
        }
    }

    private static String form(String username, String password) {
        return "j_username=" + username + "&j_password=" + password.replace(' ', '+');
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), instant).toMillis()));
    }

    private static int storedFailures(String key) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT failures FROM sign_in_failure WHERE throttle_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    private record RoundRobin(List<String> expected, List<String> outcomes, List<String> answeredBy) {

        int counted() {
            return (int) expected.stream().filter("failure"::equals).count();
        }
    }

    /** The sign-ins a node's metrics count: every outcome, and the throttled ones. */
    private record SignIns(double answered, double throttled) {

        SignIns since(SignIns before) {
            return new SignIns(answered - before.answered, throttled - before.throttled);
        }
    }

    /**
     * One launcher, {@code java -jar target/gatehouse.jar}, from a directory of its own, on the shared PostgreSQL,
     * trusting the balancer's X-Forwarded-For as ClusterIT's nodes do, with its metrics listener on.
     */
    private static final class Node implements ClusterNode {

        private static final List<String> OUTCOMES = List.of("ok", "wrong_password", "throttled", "too_busy");

        private final String name;
        private final int port;
        private final URI metrics;
        private final Path directory;
        private Process process;

        Node(String name, int port, int metricsPort, Path root) throws IOException {
            this.name = name;
            this.port = port;
            this.metrics = URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
            this.directory = Files.createTempDirectory(root, "node-" + name + "-");
        }

        void launch() throws IOException {
            ProcessBuilder builder = new ProcessBuilder(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                    Paths.get(System.getProperty("gatehouse.jar", "target/gatehouse.jar")).toAbsolutePath().toString())
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            builder.environment().put("GATEHOUSE_PORT", String.valueOf(port));
            builder.environment().put("GATEHOUSE_DB_URL", "jdbc:postgresql://127.0.0.1:" + BASE_PORT + "/postgres");
            builder.environment().put("GATEHOUSE_DB_USER", "postgres");
            builder.environment().put("GATEHOUSE_NODE_NAME", name);
            builder.environment().put("GATEHOUSE_METRICS_PORT", String.valueOf(metrics.getPort()));
            builder.environment().put("GATEHOUSE_TRUSTED_PROXIES", "127\\.0\\.0\\.1");
            process = builder.start();
        }

        /** As long as ClusterIT's launcher nodes may take: two starting at once on a loaded machine took over 120 s. */
        void awaitOk(Instant started) throws InterruptedException {
            ServerProcess.awaitOk(process, root(), started, log(), Duration.ofMinutes(4));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public URI root() {
            return URI.create("http://127.0.0.1:" + port + "/");
        }

        @Override
        public void start() throws IOException, InterruptedException {
            Instant started = Instant.now();
            launch();
            awaitOk(started);
        }

        SignIns signIns() throws IOException, InterruptedException {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), name);
            Scrape scrape = new Scrape(answer.body());
            double answered = 0;
            for (String outcome : OUTCOMES) {
                answered += scrape.value("gatehouse_sign_ins_total{outcome=\"" + outcome + "\"}");
            }
            return new SignIns(answered, scrape.value("gatehouse_sign_ins_total{outcome=\"throttled\"}"));
        }

        long loggedThrottled(String username) {
            try {
                String needle = "\"event\":\"sign-in.throttled\",\"user\":\"" + username + "\"";
                return Files.readAllLines(logFile()).stream().filter(line -> line.contains(needle)).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        @Override
        public void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }

        @Override
        public boolean isRunning() {
            return process != null && process.isAlive();
        }

        @Override
        public String log() {
            return logFile().toString();
        }

        private Path logFile() {
            return directory.resolve("server.log");
        }
    }
}
