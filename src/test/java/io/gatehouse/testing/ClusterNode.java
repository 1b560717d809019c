package io.gatehouse.testing;

import java.net.URI;

/**
 * One node of a cluster under test, whatever its runtime: the stories start it, kill it, stop it and start it again,
 * and reach it directly or through the {@link LoadBalancer}. {@link ClusterRuntime} makes them.
 */
public interface ClusterNode extends AutoCloseable {

    /** The node's name, as its registry rows and logs carry it: "a", "b". */
    String name();

    /** Its own HTTP address, bypassing the balancer. */
    URI root();

    /** Starts it and returns once its /health answers 200: the application, the database and the cluster are up. */
    void start() throws Exception;

    /** kill -9: no listener, no shutdown hook, no goodbye to the cluster. */
    void kill() throws InterruptedException;

    /** A clean stop (SIGTERM), waited for, as a rolling restart does it. */
    void stop() throws InterruptedException;

    boolean isRunning();

    /** Where it logs, for a failing story's message. */
    String log();

    @Override
    default void close() throws InterruptedException {
        if (isRunning()) {
            kill();
        }
    }
}
