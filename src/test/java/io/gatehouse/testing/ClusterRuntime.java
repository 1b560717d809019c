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
}
