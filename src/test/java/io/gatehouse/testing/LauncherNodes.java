package io.gatehouse.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The launcher jar as a cluster node: {@code java -jar target/gatehouse.jar} with GATEHOUSE_CLUSTER_* set. */
public final class LauncherNodes implements ClusterRuntime {

    @Override
    public String name() {
        return "launcher";
    }

    @Override
    public ClusterNode node(NodePlan plan) throws IOException {
        Files.createDirectories(plan.directory());
        return new LauncherNode(plan);
    }

    /** Every setting a node of the story gets: its ports, the cluster, the database, and the balancer trusted. */
    static Map<String, String> settings(NodePlan plan) {
        Map<String, String> settings = new TreeMap<>();
        settings.put("GATEHOUSE_ADDRESS", "127.0.0.1");
        settings.put("GATEHOUSE_PORT", String.valueOf(plan.httpPort()));
        settings.put("GATEHOUSE_NODE_NAME", plan.name());
        settings.put("GATEHOUSE_CLUSTER_MEMBERS", plan.clusterPorts().stream().map(port -> "127.0.0.1:" + port)
                .collect(Collectors.joining(",")));
        settings.put("GATEHOUSE_CLUSTER_ADDRESS", "127.0.0.1");
        settings.put("GATEHOUSE_CLUSTER_PORT", String.valueOf(plan.clusterPort()));
        settings.put("GATEHOUSE_TRUSTED_PROXIES", "127\\.0\\.0\\.1");
        settings.put("GATEHOUSE_DB_URL", plan.database().url());
        settings.put("GATEHOUSE_DB_USER", plan.database().user());
        settings.put("GATEHOUSE_DB_PASSWORD", plan.database().password());
        return settings;
    }

    private static final class LauncherNode implements ClusterNode {

        private final NodePlan plan;
        private Process process;

        LauncherNode(NodePlan plan) {
            this.plan = plan;
        }

        @Override
        public String name() {
            return plan.name();
        }

        @Override
        public URI root() {
            return URI.create("http://127.0.0.1:" + plan.httpPort() + "/");
        }

        @Override
        public void start() throws IOException, InterruptedException {
            Instant started = Instant.now();
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                    Paths.get(System.getProperty("gatehouse.jar", "target/gatehouse.jar")).toAbsolutePath().toString()))
                    .directory(plan.directory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            builder.environment().keySet().removeIf(variable -> variable.startsWith("GATEHOUSE_"));
            builder.environment().putAll(settings(plan));
            process = builder.start();
            ServerProcess.awaitOk(process, root().resolve("health"), started, log());
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
                throw new IllegalStateException("node " + name() + " still running 60 s after SIGTERM; see " + log());
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
            return plan.directory().resolve("node.log");
        }
    }
}
