package io.gatehouse.cluster;

import io.gatehouse.testing.ClusterNode;
import io.gatehouse.testing.ClusterRuntime;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.PayaraNodes;
import io.gatehouse.testing.TwoNodeCluster;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ClusterIT's stories on two Payara Micro 6 nodes of one Hazelcast data grid (docker/payara/start.sh), behind the
 * same HAProxy, sticky as Payara requires: no round-robin story, and the rolling restart takes each node out of the
 * balancer before it stops it (PayaraNodes). Node a starts alone and b once a answers, so that /health is seen holding
 * a back until it has met b.
 */
@EnabledIf(value = "io.gatehouse.testing.PayaraNodes#testPayaraMicro6",
        disabledReason = "the Payara cluster runs in the payara-micro-6 execution")
class PayaraClusterIT extends ClusterIT {

    @Override
    protected ClusterRuntime runtime() {
        return new PayaraNodes();
    }

    @Override
    protected TwoNodeCluster startCluster(ClusterRuntime runtime) throws Exception {
        return TwoNodeCluster.startOneThenTheOther(runtime, TwoNodeCluster.basePort());
    }

    @Test
    @Order(0)
    void aNodeIsNotReadyUntilItsDataGridHasAnotherMember() {
        Page alone = cluster().firstNodeAlone().orElseThrow();
        assertEquals(503, alone.status(), alone::toString);
        assertEquals("{\"status\":\"DOWN\",\"db\":\"UP\",\"cluster\":\"DOWN\"}", alone.body());

        for (ClusterNode node : cluster().nodes()) {
            Page health = client(node.root()).get("health");
            assertEquals(200, health.status(), "node " + node.name());
            assertEquals("{\"status\":\"UP\",\"db\":\"UP\",\"cluster\":\"UP\"}", health.body(), "node " + node.name());
        }
    }
}
