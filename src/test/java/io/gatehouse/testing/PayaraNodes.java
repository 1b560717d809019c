package io.gatehouse.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Payara Micro nodes of one Hazelcast data grid: this execution's Payara, started by docker/payara/start.sh as the
 * image starts it, with the settings a launcher node gets ({@link NodePlan#settings()}); the cluster port is the
 * node's Hazelcast port.
 */
public final class PayaraNodes implements ClusterRuntime {

    /**
     * Two Payara Micro nodes deploying at once took more than 4 minutes on the shared 2-core machine under load; the
     * first of two started one after the other waits for the second's whole start.
     */
    private static final Duration BOTH_DEPLOYING = Duration.ofMinutes(10);

    /** "payara-micro-6": the jar this execution tests. */
    @Override
    public String name() {
        return Path.of(System.getProperty("payara.microJar")).getFileName().toString().replace(".jar", "");
    }

    /** Whether this execution tests Payara Micro 6, the release whose cluster the stories start. */
    public static boolean testPayaraMicro6() {
        return ServerRuntime.current() == ServerRuntime.PAYARA_MICRO
                && System.getProperty("payara.microJar").endsWith("payara-micro-6.jar");
    }

    @Override
    public boolean keepsSessionsWithoutStickiness() {
        return false;
    }

    /** Payara Micro answers requests while it shuts down, with 500s, 503s and 403s: an operator takes it out first. */
    @Override
    public boolean stopsWhileBalanced() {
        return false;
    }

    @Override
    public ClusterNode node(NodePlan plan) throws IOException {
        Files.createDirectories(plan.directory());
        return new ProcessNode(plan, () -> ServerRuntime.payaraMicro(plan.directory(), plan.httpPort(), List.of()),
                BOTH_DEPLOYING);
    }
}
