package io.gatehouse.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

/** The launcher jar as a cluster node: {@code java -jar target/gatehouse.jar} with GATEHOUSE_CLUSTER_* set. */
public final class LauncherNodes implements ClusterRuntime {

    /** Whether this execution tests the launcher: the one that starts launcher nodes of its own ("launcher" stories). */
    public static boolean testLauncher() {
        return ServerRuntime.current() == ServerRuntime.LAUNCHER;
    }

    @Override
    public String name() {
        return "launcher";
    }

    @Override
    public ClusterNode node(NodePlan plan) throws IOException {
        Files.createDirectories(plan.directory());
        return new ProcessNode(plan, () -> new ProcessBuilder(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                Paths.get(System.getProperty("gatehouse.jar", "target/gatehouse.jar")).toAbsolutePath().toString())), Duration.ofMinutes(4));
    }
}
