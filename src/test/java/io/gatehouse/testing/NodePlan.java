package io.gatehouse.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * What one node of a two-node cluster is given: its name, its HTTP port, its own cluster port among every node's
 * (in node order, this one's included), the shared database, and a directory of its own for its files and log.
 * A runtime uses the cluster ports as its engine needs: Tomcat's Tribes receivers, Hazelcast's members.
 */
public record NodePlan(String name, int httpPort, int clusterPort, List<Integer> clusterPorts, Database database,
                       Path directory) {

    /** The shared database, as the nodes' GATEHOUSE_DB_* settings give it. */
    public record Database(String url, String user, String password) {
    }
}
