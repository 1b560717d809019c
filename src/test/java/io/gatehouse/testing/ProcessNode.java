package io.gatehouse.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A node run as a process of the test's own, whatever the runtime: the command its {@link ClusterRuntime} gives,
 * with the plan's settings as its only GATEHOUSE_* environment, its output in the node's directory. The command must
 * be the server's JVM itself (or exec it), so that {@link #kill()} is a kill -9 of the server.
 */
final class ProcessNode implements ClusterNode {

    private static final Logger LOG = Logger.getLogger(ProcessNode.class.getName());

    private final NodePlan plan;
    private final Supplier<ProcessBuilder> command;
    private final Duration startWithin;
    private Process process;

    /** @param startWithin how long the node may take to be ready, on a loaded machine */
    ProcessNode(NodePlan plan, Supplier<ProcessBuilder> command, Duration startWithin) {
        this.plan = plan;
        this.command = command;
        this.startWithin = startWithin;
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
        ProcessBuilder builder = command.get()
                .directory(plan.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("GATEHOUSE_"));
        builder.environment().putAll(plan.settings());
        process = builder.start();
        Duration ready = ServerProcess.awaitOk(process, root().resolve("health"), started, log(), startWithin);
        LOG.info(() -> "node " + name() + " ready (/health 200) after " + ready.toMillis() + " ms");
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
