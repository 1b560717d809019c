package io.gatehouse.server;

import io.gatehouse.config.ClusterSettings;
import io.gatehouse.config.InvalidSetting;
import io.gatehouse.config.Setting;
import io.gatehouse.config.SettingsCheck;
import io.gatehouse.web.NodeStopping;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.juli.ClassLoaderLogManager;

/**
 * {@code java -jar gatehouse.jar}: serves the WAR packed inside this jar at "/" on embedded Tomcat.
 * GATEHOUSE_PORT and GATEHOUSE_ADDRESS choose where it listens, GATEHOUSE_METRICS_PORT and _ADDRESS where its
 * metrics listener does, if at all; GATEHOUSE_CLUSTER_MEMBERS makes it one node of a Tomcat cluster
 * (docs/decisions/022); the WAR reads its own settings.
 */
public final class GatehouseServer {

    /** docker/haproxy checks each node every second and counts it down after two failed checks: 2 s, and a margin. */
    static final Duration CLUSTER_NODE_DRAIN = Duration.ofSeconds(3);

    private final Tomcat tomcat = new Tomcat();
    private final Path baseDir;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Optional<MetricsListener> metrics;
    private volatile Context webapp;
    private volatile Duration drain = Duration.ZERO;

    GatehouseServer(Path baseDir, String address, int port, Optional<MetricsListener> metrics) throws IOException {
        this.baseDir = baseDir;
        this.metrics = metrics;
        // Tomcat deploys into <baseDir>/webapps but does not create it.
        Files.createDirectories(baseDir.resolve("webapps"));
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", address);
        tomcat.setConnector(connector);
        // Weld publishes its BeanManager through JNDI, declared in the WAR's META-INF/context.xml.
        tomcat.enableNaming();
        ((StandardHost) tomcat.getHost()).setErrorReportValveClass(PlainErrorReportValve.class.getName());
        new Setting("trusted.proxies").value().ifPresent(this::trustProxies);
    }

    /**
     * Behind a TLS-terminating proxy: requests from these addresses (a regular expression, as RemoteIpValve's
     * internalProxies) are taken to come from the client in X-Forwarded-For, over the scheme in X-Forwarded-Proto.
     * So the session cookie is Secure and HSTS is sent when the visitor used HTTPS. Off unless configured: from
     * anyone else, those headers would be lies.
     */
    private void trustProxies(String addresses) {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(addresses);
        valve.setTrustedProxies("");
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        tomcat.getEngine().getPipeline().addValve(valve);
    }

    /** Serves the WAR, or says in one line why it cannot: the port or the application failed. */
    void start() throws IOException, CannotStart {
        Path war = baseDir.resolve("gatehouse.war");
        try (InputStream packed = GatehouseServer.class.getResourceAsStream("/gatehouse.war")) {
            if (packed == null) {
                throw new CannotStart("gatehouse.war is missing from the launcher jar");
            }
            Files.copy(packed, war);
        }
        Optional<ClusterSettings> cluster = ClusterSettings.fromSettings();
        drain = new Setting("shutdown.drain").duration()
                .orElse(cluster.isPresent() ? CLUSTER_NODE_DRAIN : Duration.ZERO);
        if (cluster.isPresent()) {
            TomcatCluster.join(tomcat.getEngine(), cluster.get());
            log().info(() -> "Cluster: this node is " + cluster.get().address() + ":" + cluster.get().port()
                    + " of " + cluster.get().members());
        }
        webapp = tomcat.addWebapp("", war.toString());
        webapp.addLifecycleListener(new WebappDefaults());
        MetricsListener.keepOffTheApplicationPort(webapp);
        try (FirstFailure failure = FirstFailure.listen()) {
            tomcat.start();
            if (!webapp.getState().isAvailable()) {
                throw new CannotStart("the application failed to start: "
                        + failure.reason().orElse("see the lines above"));
            }
        } catch (LifecycleException e) {
            throw new CannotStart(OneLineLog.reason(e));
        }
        metrics.ifPresent(listener -> listener.serve(webapp));
    }

    /**
     * SIGTERM with a drain: for that long /health answers 503 while everything else is still served, so that the
     * balancer, seeing it, sends this node nothing new; only then does Tomcat stop and close its connections. Without
     * it, a request the balancer sends on a kept-alive connection just as Tomcat closes it gets no answer at all, which
     * the balancer cannot safely send again if it was a POST.
     */
    void drainThenStop() {
        if (!drain.isZero() && webapp != null && webapp.getState().isAvailable() && !stopped.get()) {
            NodeStopping.announceIn(webapp.getServletContext());
            log().info(() -> "Stopping: /health answers 503 for " + drain + " while requests are still served");
            try {
                Thread.sleep(drain.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stop();
    }

    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        metrics.ifPresent(MetricsListener::stop);
        try {
            if (tomcat.getServer().getState().isAvailable()) {
                tomcat.stop();
            }
            tomcat.destroy();
        } catch (LifecycleException e) {
            log().warning(() -> "Gatehouse did not stop cleanly: " + OneLineLog.reason(e));
        } finally {
            deleteQuietly(baseDir);
        }
    }

    public static void main(String[] args) throws Exception {
        Path baseDir = Files.createTempDirectory("gatehouse-");
        OneLineLog.configure(baseDir);
        // Tomcat's log manager, as standalone Tomcat runs it: the JDK's own would reset itself at the first
        // signal and swallow everything said while shutting down.
        System.setProperty("java.util.logging.manager", ClassLoaderLogManager.class.getName());
        ClassLoaderLogManager logs = (ClassLoaderLogManager) LogManager.getLogManager();
        logs.setUseShutdownHook(false);
        GatehouseServer server = null;
        try {
            SettingsCheck.all();
            String address = new Setting("address").valueOr("127.0.0.1");
            int port = new Setting("port").port().orElse(8080);
            Listening.checkFree(address, port, "GATEHOUSE_ADDRESS, GATEHOUSE_PORT");
            Optional<Integer> metricsPort = new Setting("metrics.port").port();
            Optional<MetricsListener> metrics = metricsPort.isEmpty() ? Optional.empty() : Optional.of(
                    new MetricsListener(new Setting("metrics.address").valueOr("127.0.0.1"), metricsPort.get()));
            GatehouseServer started = new GatehouseServer(baseDir, address, port, metrics);
            server = started;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.drainThenStop();
                logs.shutdown();
            }, "gatehouse-shutdown"));
            server.start();
        } catch (InvalidSetting | CannotStart e) {
            // Stopped first, so that the reason is the last line; the exit's hook then finds nothing left to stop.
            if (server != null) {
                server.stop();
            }
            deleteQuietly(baseDir);
            log().severe(() -> "Gatehouse did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        server.tomcat.getServer().await();
    }

    /** Not a static field: the first logger made fixes the log manager, which main must choose before. */
    private static Logger log() {
        return Logger.getLogger(GatehouseServer.class.getName());
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}
