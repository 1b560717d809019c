package io.gatehouse.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one node of a two-node cluster is given: its name, its HTTP port, its own cluster port among every node's
 * (in node order, this one's included), the shared database, and a directory of its own for its files and log.
 * A runtime uses the cluster ports as its engine needs: Tomcat's Tribes receivers, Hazelcast's members.
 */
public record NodePlan(String name, int httpPort, int clusterPort, List<Integer> clusterPorts, Database database,
                       Path directory) {

    /** Every setting the node gets, whatever its runtime: its ports, the cluster, the database, the balancer trusted. */
    public Map<String, String> settings() {
        Map<String, String> settings = new TreeMap<>();
        settings.put("GATEHOUSE_ADDRESS", "127.0.0.1");
        settings.put("GATEHOUSE_PORT", String.valueOf(httpPort));
        settings.put("GATEHOUSE_NODE_NAME", name);
        settings.put("GATEHOUSE_CLUSTER_MEMBERS", clusterPorts.stream().map(port -> "127.0.0.1:" + port)
                .collect(Collectors.joining(",")));
        settings.put("GATEHOUSE_CLUSTER_ADDRESS", "127.0.0.1");
        settings.put("GATEHOUSE_CLUSTER_PORT", String.valueOf(clusterPort));
        settings.put("GATEHOUSE_TRUSTED_PROXIES", "127\\.0\\.0\\.1");
        settings.put("GATEHOUSE_DB_URL", database.url());
        settings.put("GATEHOUSE_DB_USER", database.user());
        settings.put("GATEHOUSE_DB_PASSWORD", database.password());
        return settings;
    }

    /** The shared database, as the nodes' GATEHOUSE_DB_* settings give it. */
    public record Database(String url, String user, String password) {
    }
}
