package io.gatehouse.cluster;

import io.gatehouse.config.ClusterMember;
import io.gatehouse.testing.LoadBalancer;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker/compose.yaml runs what ClusterIT runs: HAProxy with the stories' own configuration in front of two
 * launcher nodes, each listed in the same cluster members with its own receiver, over one PostgreSQL.
 * No Docker engine runs on CI, so the file is read, as compose reads it (YAML anchors and merges included), with the
 * SnakeYAML that uap-java brings (declaring it here in test scope would take it out of the WAR).
 */
class ComposeTest {

    private static final Path DOCKER = Paths.get(System.getProperty("gatehouse.docker", "docker"));

    @Test
    void haproxyRunsTheStoriesConfigurationInFrontOfBothNodes() throws IOException {
        Map<String, Object> lb = service("lb");

        String mounted = ((List<?>) lb.get("volumes")).get(0).toString().split(":")[0];
        assertEquals(LoadBalancer.configuration().toAbsolutePath().normalize(),
                DOCKER.resolve(mounted).toAbsolutePath().normalize());
        assertTrue(lb.get("image").toString().startsWith("haproxy:2.6"), "HAProxy 2.6, as Debian's on CI");
        Map<?, ?> environment = (Map<?, ?>) lb.get("environment");
        assertEquals("gatehouse-a:8080", environment.get("GATEHOUSE_NODE_A"));
        assertEquals("gatehouse-b:8080", environment.get("GATEHOUSE_NODE_B"));
        assertTrue(environment.containsKey("GATEHOUSE_LB_BIND"));
    }

    @Test
    void eachNodeIsAMemberOfTheSameClusterUnderItsOwnName() throws IOException {
        Map<?, ?> a = environment("gatehouse-a");
        Map<?, ?> b = environment("gatehouse-b");

        assertEquals(a.get("GATEHOUSE_CLUSTER_MEMBERS"), b.get("GATEHOUSE_CLUSTER_MEMBERS"));
        assertNotEquals(a.get("GATEHOUSE_NODE_NAME"), b.get("GATEHOUSE_NODE_NAME"));
        for (Map<?, ?> node : List.of(a, b)) {
            List<ClusterMember> members = ClusterMember.listed(node.get("GATEHOUSE_CLUSTER_MEMBERS").toString());
            assertTrue(members.contains(new ClusterMember(node.get("GATEHOUSE_CLUSTER_ADDRESS").toString(),
                    Integer.parseInt(node.get("GATEHOUSE_CLUSTER_PORT").toString()))), "this node among " + members);
            assertTrue(node.get("GATEHOUSE_DB_URL").toString().startsWith("jdbc:postgresql://db:"));
            Pattern proxies = Pattern.compile(node.get("GATEHOUSE_TRUSTED_PROXIES").toString());
            assertTrue(proxies.matcher("172.18.0.5").matches(), "HAProxy's address on the compose network is trusted");
            assertTrue(!proxies.matcher("8.8.8.8").matches(), "a public address is not");
        }
    }

    private static Map<?, ?> environment(String name) throws IOException {
        return (Map<?, ?>) service(name).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        try (Reader compose = Files.newBufferedReader(DOCKER.resolve("compose.yaml"))) {
            Map<String, Object> file = new Yaml(new LoaderOptions()).load(compose);
            return (Map<String, Object>) ((Map<String, Object>) file.get("services")).get(name);
        }
    }
}
