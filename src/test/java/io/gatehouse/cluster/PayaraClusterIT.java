package io.gatehouse.cluster;

import io.gatehouse.testing.ClusterNode;
import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.LastResponse;
import io.gatehouse.testing.LoadBalancer;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.PayaraNodes;
import io.gatehouse.testing.TwoNodeCluster;
import io.gatehouse.testing.WebClient;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.gatehouse.testing.GatehouseIT.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ClusterIT's harness with two Payara Micro 6 nodes of one Hazelcast data grid (docker/payara/start.sh) over one
 * PostgreSQL, behind the same HAProxy, sticky as Payara requires: a sign-out on one node is refused on the other at
 * once, both ways, and a node killed signs nobody out. Two stories, one cluster start, no restart: two Payara
 * nodes, PostgreSQL and HAProxy are heavy on two cores.
 */
@EnabledIf(value = "io.gatehouse.testing.PayaraNodes#testPayaraMicro6",
        disabledReason = "the Payara cluster runs in the payara-micro-6 execution")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraClusterIT {

    private static TwoNodeCluster cluster;

    @RegisterExtension
    final LastResponse lastResponse = new LastResponse();

    @BeforeAll
    static void startTwoNodes() throws Exception {
        if (!LoadBalancer.isInstalled() && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's haproxy (see .ci/run)");
        }
        Assumptions.assumeTrue(LoadBalancer.isInstalled(), "install Debian's haproxy to run the cluster stories");
        cluster = TwoNodeCluster.start(new PayaraNodes(), TwoNodeCluster.basePort());
    }

    @AfterAll
    static void stopThem() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void signedOutOnANodeTheOtherRefusesTheOldCookieAtOnce() {
        for (boolean aFirst : new boolean[] {true, false}) {
            ClusterNode signOutOn = aFirst ? cluster.a() : cluster.b();
            ClusterNode other = aFirst ? cluster.b() : cluster.a();
            WebClient here = client(signOutOn.root());
            String username = GatehouseIT.newUsername();
            assertEquals(303, here.signUp(username, PASSWORD).status());
            WebClient there = client(other.root());
            there.useSessionOf(here);
            assertSignedIn(there.get("profile"), username);

            assertEquals(303, here.get("logout").status());

            Page refused = there.get("profile");
            assertEquals(303, refused.status(), "the old cookie on node " + other.name());
            assertTrue(refused.location().endsWith("/login"), refused.location());
        }
    }

    @Test
    @Order(2)
    void aKilledNodeSignsNobodyOut() throws Exception {
        LoadBalancer balancer = cluster.balance(LoadBalancer.Balancing.STICKY);
        Map<String, WebClient> users = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            WebClient user = client(balancer.root());
            String username = GatehouseIT.newUsername();
            assertEquals(303, user.signUp(username, PASSWORD).status());
            assertSignedIn(user.get("profile"), username);
            users.put(username, user);
        }
        String first = users.keySet().iterator().next();
        ClusterNode serving = users.get(first).cookie("GATEHOUSE_NODE").orElseThrow().equals("a") ? cluster.a() : cluster.b();

        serving.kill();

        users.forEach((username, user) -> assertSignedIn(user.get("profile"), username));
        WebClient newcomer = client(balancer.root());
        String username = GatehouseIT.newUsername();
        assertEquals(303, newcomer.signUp(username, PASSWORD).status());
        assertSignedIn(newcomer.get("profile"), username);
        assertEquals("/profile", URI.create(client(balancer.root()).signIn(first, PASSWORD).location()).getPath(),
                "the account made on the killed node");
    }

    private WebClient client(URI root) {
        return new WebClient(root, lastResponse);
    }

    private static void assertSignedIn(Page page, String username) {
        assertEquals(200, page.status(), "signed in: " + page.uri() + " (logs: " + cluster.logs() + ")");
        assertTrue(page.body().contains(username), "the profile of " + username);
    }
}
