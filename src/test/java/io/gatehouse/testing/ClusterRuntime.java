package io.gatehouse.testing;

import java.io.IOException;

/**
 * The seam between the cluster stories and a runtime: the launcher's Tomcat cluster ({@link LauncherNodes}), or
 * another runtime's engine, makes the nodes a {@link NodePlan} describes. The stories only start, kill and restart
 * them, and talk HTTP.
 */
public interface ClusterRuntime {

    /** What the stories call this runtime, in their names and messages: "launcher", "payara-micro-6". */
    String name();

    ClusterNode node(NodePlan plan) throws IOException;

    /**
     * Whether a session is signed in on whichever node a request lands, with no sticky balancer: Tomcat's cluster
     * copies it to the other node during the request; Payara writes it to its data grid after the request, and its
     * docs require a sticky balancer (docs/decisions/024).
     */
    default boolean keepsSessionsWithoutStickiness() {
        return true;
    }

    /**
     * Whether a node may be stopped while the balancer still sends it requests: a SIGTERM'd launcher node first
     * answers /health 503 while it still serves (GATEHOUSE_SHUTDOWN_DRAIN), until the balancer has counted it down.
     * A node that would answer while it shuts down (Payara Micro stops its data grid and its application first: 500,
     * 503, 403) is taken out of the balance before it stops, as an operator would.
     */
    default boolean stopsWhileBalanced() {
        return true;
    }
}
