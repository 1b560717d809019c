package io.gatehouse.database;

import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.Page;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A single node, on every runtime, has no cluster to join: its /health says nothing of one (Payara started with
 * {@code --nohazelcast} binds no data grid; a Tomcat without a cluster registers none).
 */
class SingleNodeHealthIT extends GatehouseIT {

    @Test
    void aSingleNodesHealthNamesNoCluster() {
        Page health = visitor().get("health");

        assertEquals(200, health.status());
        assertEquals("{\"status\":\"UP\",\"db\":\"UP\"}", health.body());
    }
}
