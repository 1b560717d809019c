package io.gatehouse.cluster;

import io.gatehouse.testing.AccountPages;
import io.gatehouse.testing.ClusterNode;
import io.gatehouse.testing.ClusterRuntime;
import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.LauncherNodes;
import io.gatehouse.testing.LoadBalancer;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.TwoNodeCluster;
import io.gatehouse.testing.WebClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.gatehouse.testing.GatehouseIT.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two launcher nodes of one Tomcat cluster over one PostgreSQL, behind HAProxy (docker/haproxy/haproxy.cfg):
 * a session lives on both nodes; a sign-out, "sign out everywhere else" or a password change on one is refused on
 * the other at once; and neither a node killed nor a rolling restart signs anyone out. The restarts are one story,
 * the last: CI's time allows one per runtime family.
 * Another runtime's cluster runs these stories by extending this class ({@link #runtime()}); what its engine does not
 * do, or CI's time does not allow, its {@link ClusterRuntime} says, and the story leaves out.
 */
@EnabledIf(value = "io.gatehouse.testing.LauncherNodes#testLauncher",
        disabledReason = "the launcher's cluster runs beside embedded Tomcat, as the other \"launcher\" stories")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class ClusterIT {

    private static final Logger LOG = Logger.getLogger(ClusterIT.class.getName());
    private static final String REMEMBER_ME = "gatehouse-remember";
    private static final String NEW_PASSWORD = "a new and rather longer phrase";

    private ClusterRuntime runtime;
    private TwoNodeCluster cluster;

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    /** The runtime whose nodes these stories start: another runtime's cluster stories extend this class. */
    protected ClusterRuntime runtime() {
        return new LauncherNodes();
    }

    @BeforeAll
    void startTwoNodes() throws Exception {
        if (!LoadBalancer.isInstalled() && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's haproxy (see .ci/run)");
        }
        Assumptions.assumeTrue(LoadBalancer.isInstalled(), "install Debian's haproxy to run the cluster stories");
        runtime = runtime();
        cluster = startCluster(runtime);
    }

    /** Starts the two nodes together; another runtime's stories may start them one after the other. */
    protected TwoNodeCluster startCluster(ClusterRuntime runtime) throws Exception {
        return TwoNodeCluster.start(runtime, TwoNodeCluster.basePort());
    }

    protected final TwoNodeCluster cluster() {
        return cluster;
    }

    @AfterAll
    void stopThem() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aSessionSignedInOnOneNodeIsSignedInOnTheOther() {
        WebClient onA = client(cluster.a().root());
        String username = GatehouseIT.newUsername();
        assertEquals(303, onA.signUp(username, PASSWORD).status());

        WebClient onB = sameSessionOn(onA, cluster.b());

        assertSignedIn(onB.get("profile"), username);
        assertSignedIn(onA.get("profile"), username);
    }

    @Test
    @Order(2)
    void signedOutOnANodeTheOtherRefusesTheOldCookieAtOnce() {
        for (boolean aFirst : new boolean[] {true, false}) {
            ClusterNode signOutOn = aFirst ? cluster.a() : cluster.b();
            ClusterNode other = aFirst ? cluster.b() : cluster.a();
            WebClient here = client(signOutOn.root());
            String username = GatehouseIT.newUsername();
            assertEquals(303, here.signUp(username, PASSWORD).status());
            WebClient there = sameSessionOn(here, other);
            assertSignedIn(there.get("profile"), username);

            assertEquals(303, here.get("logout").status());

            Page refused = there.get("profile");
            assertEquals(303, refused.status(), "the old cookie on node " + other.name());
            assertTrue(refused.location().endsWith("/login"), refused.location());
        }
    }

    @Test
    @Order(3)
    void roundRobinWithoutStickinessKeepsEveryRequestSignedIn() throws Exception {
        Assumptions.assumeTrue(runtime.keepsSessionsWithoutStickiness(), runtime.name() + " requires a sticky balancer");
        LoadBalancer balancer = cluster.balance(LoadBalancer.Balancing.ROUND_ROBIN);
        WebClient visitor = client(balancer.root());
        String username = GatehouseIT.newUsername();
        assertEquals(303, visitor.signUp(username, PASSWORD).status());

        for (int i = 0; i < 10; i++) {
            assertSignedIn(visitor.get("profile"), username);
        }
        assertTrue(visitor.cookie("GATEHOUSE_NODE").isEmpty(), "round-robin sets no sticky cookie");
    }

    @Test
    @Order(4)
    void signingOutEverywhereElseOnANodeTheOtherRefusesTheOtherSessionsAtOnce() {
        for (boolean aFirst : new boolean[] {true, false}) {
            ClusterNode signOutOn = aFirst ? cluster.a() : cluster.b();
            ClusterNode other = aFirst ? cluster.b() : cluster.a();
            SignedInOnBoth account = signUpAndSignInOnBoth(signOutOn, other);
            String username = account.username();
            WebClient here = account.here();
            WebClient there = account.there();
            WebClient rememberedThere = account.rememberedThere();
            String token = account.token();

            assertTrue(AccountPages.confirmPassword(here, PASSWORD).location().endsWith("/account/sessions?confirmed"));
            assertTrue(AccountPages.signOutEverywhereElse(here).location().endsWith("/account/sessions?ended-others"));

            assertRefused(there.get("profile"), "the other session on node " + other.name());
            assertRefused(rememberedThere.get("profile"), "the remembered device's session on node " + other.name());
            assertRefused(rememberedOnly(token, other).get("profile"), "the remembered device on node " + other.name());
            assertSignedIn(here.get("profile"), username);
            assertSignedIn(sameSessionOn(here, other).get("profile"), username);
        }
    }

    @Test
    @Order(5)
    void aPasswordChangeOnANodeTheOtherRefusesEveryOtherSessionAtOnce() {
        for (boolean aFirst : new boolean[] {true, false}) {
            ClusterNode changeOn = aFirst ? cluster.a() : cluster.b();
            ClusterNode other = aFirst ? cluster.b() : cluster.a();
            SignedInOnBoth account = signUpAndSignInOnBoth(changeOn, other);
            String username = account.username();
            WebClient here = account.here();
            String hereBefore = here.sessionId().orElseThrow();
            WebClient there = account.there();
            String token = account.token();

            Page changed = AccountPages.changePassword(here, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
            assertTrue(changed.location().endsWith("/account/password?changed"), changed.location());

            assertRefused(there.get("profile"), "the other session on node " + other.name());
            WebClient oldIdThere = client(other.root());
            oldIdThere.useSessionId(hereBefore);
            assertRefused(oldIdThere.get("profile"), "the changing session's old id on node " + other.name());
            assertRefused(rememberedOnly(token, other).get("profile"), "the remembered device on node " + other.name());
            assertSignedIn(here.get("profile"), username);
            assertSignedIn(sameSessionOn(here, other).get("profile"), username);
        }
    }

    /**
     * Sticky, as documented: users signed in through the balancer stay signed in when their node is killed, and
     * through a rolling restart of both nodes under steady sign-ins; every answered sign-up is kept, and no
     * request gets a 5xx.
     */
    @Test
    @Order(6)
    void neitherAKilledNodeNorARollingRestartSignsAnyoneOut() throws Exception {
        LoadBalancer balancer = cluster.balance(LoadBalancer.Balancing.STICKY);
        Map<String, WebClient> users = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            WebClient user = client(balancer.root());
            String username = GatehouseIT.newUsername();
            assertEquals(303, user.signUp(username, PASSWORD).status());
            assertSignedIn(user.get("profile"), username);
            users.put(username, user);
        }
        assertTrue(users.values().stream().allMatch(user -> user.cookie("GATEHOUSE_NODE").isPresent()),
                "the balancer pins each browser to a node");

        cluster.a().kill();
        users.forEach((username, user) -> assertSignedIn(user.get("profile"), username));
        cluster.a().start();
        balancer.awaitUp(cluster.a());

        Traffic traffic = new Traffic(balancer.root(), users);
        traffic.start();
        try {
            for (ClusterNode node : List.of(cluster.b(), cluster.a())) {
                traffic.phase = "node " + node.name() + " stopping";
                if (!runtime.stopsWhileBalanced()) {
                    balancer.takeOut(node);
                }
                node.stop();
                traffic.phase = "node " + node.name() + " stopped";
                traffic.await(3);
                traffic.phase = "node " + node.name() + " starting";
                node.start();
                if (runtime.stopsWhileBalanced()) {
                    balancer.awaitUp(node);
                } else {
                    balancer.putBack(node);
                }
                traffic.phase = "node " + node.name() + " back";
                traffic.await(3);
            }
        } finally {
            traffic.stop();
        }
        LOG.info(traffic::summary);

        assertEquals(List.of(), traffic.signedOut, "signed out during the restarts");
        assertEquals(List.of(), traffic.errors, "5xx or failed requests during the restarts");
        assertTrue(traffic.signedUp.size() >= 2, "sign-ups answered during the restarts: " + traffic.signedUp.size());
        WebClient check = client(balancer.root());
        for (String username : traffic.signedUp) {
            assertEquals("/profile", URI.create(check.signIn(username, PASSWORD).location()).getPath(),
                    "an answered sign-up, kept: " + username);
            check.get("logout");
        }
    }

    /** Steady traffic through the balancer: the signed-in users read their profile, and new users sign up. */
    private final class Traffic {

        private final URI root;
        private final Map<String, WebClient> users;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads = Executors.newFixedThreadPool(2);
        private final List<Future<?>> loops = new ArrayList<>();
        private final AtomicInteger rounds = new AtomicInteger();
        private final AtomicInteger requests = new AtomicInteger();
        final List<String> signedOut = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();
        final List<String> signedUp = new CopyOnWriteArrayList<>();
        /** What the restart is doing, for the messages. */
        volatile String phase = "steady";

        Traffic(URI root, Map<String, WebClient> users) {
            this.root = root;
            this.users = users;
        }

        void start() {
            loops.add(threads.submit(this::readProfiles));
            loops.add(threads.submit(this::signUp));
        }

        /** Waits until the profile loop has gone round this many more times, at most two minutes. */
        void await(int moreRounds) throws InterruptedException {
            int target = rounds.get() + moreRounds;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (rounds.get() < target && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        private void readProfiles() {
            while (running.get()) {
                users.forEach((username, user) -> {
                    try {
                        Page page = user.get("profile");
                        requests.incrementAndGet();
                        if (page.status() >= 500) {
                            errors.add("GET /profile of " + username + ": " + answer(page, user));
                        } else if (page.status() != 200 || !page.body().contains(username)) {
                            signedOut.add(username + ": " + answer(page, user));
                        }
                    } catch (RuntimeException failed) {
                        errors.add("GET /profile of " + username + ": " + failed + " (" + failed.getCause() + ")");
                    }
                });
                rounds.incrementAndGet();
            }
        }

        private void signUp() {
            while (running.get()) {
                String username = GatehouseIT.newUsername();
                try {
                    Page answer = client(root).signUp(username, PASSWORD);
                    requests.incrementAndGet();
                    if (answer.status() == 303) {
                        signedUp.add(username);
                    } else if (answer.status() >= 500) {
                        errors.add("sign-up of " + username + ": " + answer.status() + " while " + phase);
                    }
                    Thread.sleep(1_000);
                } catch (RuntimeException | AssertionError failed) {
                    errors.add("sign-up of " + username + ": " + failed + " (" + failed.getCause() + ")");
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }

        /** The status, where it sent the browser, the node it was pinned to, and the page's start. */
        private String answer(Page page, WebClient user) {
            String body = page.body().length() > 120 ? page.body().substring(0, 120) + "…" : page.body();
            return page.status() + " " + page.location() + " on node " + user.cookie("GATEHOUSE_NODE").orElse("?")
                    + " while " + phase + ": " + body.replaceAll("\\s+", " ");
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(2, TimeUnit.MINUTES);
            }
            threads.shutdownNow();
        }

        String summary() {
            return requests.get() + " requests in " + rounds.get() + " rounds, " + signedUp.size() + " sign-ups, "
                    + signedOut.size() + " signed out, " + errors.size() + " errors";
        }
    }

    protected WebClient client(URI root) {
        return new WebClient(root, lastResponse);
    }

    /** A client of {@code node} holding {@code other}'s session cookie, as a balancer moving the browser would. */
    private WebClient sameSessionOn(WebClient other, ClusterNode node) {
        WebClient client = client(node.root());
        client.useSessionOf(other);
        return client;
    }

    /** A browser that holds nothing but this remember-me cookie, on {@code node}. */
    /** One account signed up on {@code here}, then signed in on {@code other} twice: plainly, and remembered. */
    private record SignedInOnBoth(String username, WebClient here, WebClient there, WebClient rememberedThere,
            String token) {
    }

    private SignedInOnBoth signUpAndSignInOnBoth(ClusterNode hereNode, ClusterNode other) {
        String username = GatehouseIT.newUsername();
        WebClient here = client(hereNode.root());
        assertEquals(303, here.signUp(username, PASSWORD).status());
        WebClient there = client(other.root());
        assertEquals(303, there.signIn(username, PASSWORD).status());
        assertSignedIn(there.get("profile"), username);
        WebClient rememberedThere = client(other.root());
        assertEquals(303, rememberedThere.signInAndRemember(username, PASSWORD).status());
        return new SignedInOnBoth(username, here, there, rememberedThere,
                rememberedThere.cookie(REMEMBER_ME).orElseThrow());
    }

    private WebClient rememberedOnly(String token, ClusterNode node) {
        WebClient client = client(node.root());
        client.useCookie(REMEMBER_ME, token);
        return client;
    }

    /** The sign-in page at once: never one more signed-in page. */
    private static void assertRefused(Page page, String what) {
        assertEquals(303, page.status(), what);
        assertTrue(page.location().endsWith("/login"), what + ": " + page.location());
    }

    private void assertSignedIn(Page page, String username) {
        assertEquals(200, page.status(), "signed in: " + page.uri() + " (logs: " + cluster.logs() + ")");
        assertTrue(page.body().contains(username), "the profile of " + username);
    }
}
