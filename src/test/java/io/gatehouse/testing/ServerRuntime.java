package io.gatehouse.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runtime a failsafe execution tests, started as its docker/ files start it, for the stories that need a
 * server of their own: the launcher jar beside embedded Tomcat, standalone Tomcat 11 or 10.1, or Payara Micro 6 or 7.
 * Each gets the GATEHOUSE_* settings a story asks for and none of the test JVM's, and listens on 127.0.0.1.
 */
public enum ServerRuntime {

    /** {@code java -jar target/gatehouse.jar}, as docker/Dockerfile.launcher runs it; accounts in ./data. */
    LAUNCHER {
        @Override
        StartedServer start(Path directory, int port, Map<String, String> settings) throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(java(), "-jar", path("gatehouse.jar", "target/gatehouse.jar"))
                    .directory(directory.toFile());
            withSettings(builder, port, Map.of(), settings);
            return StartedServer.start(builder, base(port), directory.resolve("server.log"));
        }

        /**
         * The same jar for every story of the embedded execution, its settings given as system properties
         * ({@code -Dgatehouse.db.url}): the route a user may take instead of the environment, which the other
         * runtimes' servers take.
         */
        @Override
        StartedServer startForStories(Path directory, int port, Map<String, String> settings)
                throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(java()));
            settings.forEach((variable, value) -> command.add("-D" + property(variable) + "=" + value));
            command.addAll(List.of("-jar", path("gatehouse.jar", "target/gatehouse.jar")));
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
            withSettings(builder, port, Map.of(), Map.of());
            return StartedServer.start(builder, base(port), directory.resolve("server.log"));
        }
    },

    /** docker/Dockerfile.tomcat's set-up of the distribution -Dgatehouse.it.tomcat names; see {@link StandaloneTomcat}. */
    TOMCAT {
        @Override
        StartedServer start(Path directory, int port, Map<String, String> settings) throws IOException, InterruptedException {
            return StandaloneTomcat.start(Paths.get(path("gatehouse.it.tomcat", null)), directory, port, settings, null);
        }

        /** On the port and base pom.xml gives this execution, with the server's own pool if it names one. */
        @Override
        StartedServer startForStories(Path directory, int port, Map<String, String> settings)
                throws IOException, InterruptedException {
            return StandaloneTomcat.start(Paths.get(path("gatehouse.it.tomcat", null)),
                    Paths.get(path("gatehouse.it.tomcat.base", null)), Integer.getInteger("it.port"), settings,
                    System.getProperty("gatehouse.it.jndi.database"));
        }
    },

    /**
     * docker/Dockerfile.payara's start (docker/payara/start.sh): the thin WAR at "/", preboot.asadmin, no
     * clustering, on the Java the release needs ({@link RuntimeJdk}).
     */
    PAYARA_MICRO {
        @Override
        StartedServer start(Path directory, int port, Map<String, String> settings) throws IOException, InterruptedException {
            return payara(directory, port, settings, List.of());
        }

        /** Also at /gatehouse, for the one story about a context path of its own (ContextPathIT). */
        @Override
        StartedServer startForStories(Path directory, int port, Map<String, String> settings)
                throws IOException, InterruptedException {
            Path atAPath = directory.resolve(CONTEXT_PATH + ".war");
            Files.copy(Paths.get(path("gatehouse.war", null)), atAPath);
            return payara(directory, port, settings, List.of("--deploy", atAPath.toString()));
        }

        @Override
        Optional<String> missing() {
            return RuntimeJdk.find().isPresent() ? Optional.empty() : Optional.of(RuntimeJdk.missing());
        }

        @Override
        Optional<String> contextPath() {
            return Optional.of(CONTEXT_PATH);
        }
    };

    /** Where a runtime that serves the stories itself also serves the WAR at a path of its own. */
    private static final String CONTEXT_PATH = "gatehouse";
    private static final AtomicInteger PAYARA_STARTS = new AtomicInteger();

    /** The runtime of this execution: what its system properties (pom.xml) point the stories at. */
    public static ServerRuntime current() {
        if (System.getProperty("gatehouse.it.tomcat") != null) {
            return TOMCAT;
        }
        if (System.getProperty("payara.microJar") != null) {
            return PAYARA_MICRO;
        }
        return LAUNCHER;
    }

    /** Starts this runtime in {@code directory} on 127.0.0.1:{@code port}, returning once "/" answers 200. */
    abstract StartedServer start(Path directory, int port, Map<String, String> settings) throws IOException, InterruptedException;

    /** The one server of this runtime that every {@link GatehouseIT} story of the run uses ({@link SuiteServer}). */
    abstract StartedServer startForStories(Path directory, int port, Map<String, String> settings)
            throws IOException, InterruptedException;

    /** Why this runtime cannot run on this machine, if it cannot. */
    Optional<String> missing() {
        return Optional.empty();
    }

    /** The path under which the stories' server also serves the WAR, if it does. */
    Optional<String> contextPath() {
        return Optional.empty();
    }

    private static StartedServer payara(Path directory, int port, Map<String, String> settings, List<String> more)
            throws IOException, InterruptedException {
        ProcessBuilder builder = payaraMicro(directory, port, more);
        withSettings(builder, port, Map.of("GATEHOUSE_DB_URL", "jdbc:h2:file:" + directory.resolve("data/gatehouse")),
                settings);
        return StartedServer.start(builder, base(port), directory.resolve("server.log"));
    }

    /**
     * docker/payara/start.sh, as the image runs it, with this execution's Payara Micro, WAR and JDK, on
     * {@code port}, its files in {@code directory}: one node unless the settings name a cluster.
     * Each start gets a runtime directory of its own, as the image's do: a restart in the last one's would first
     * deploy the WAR its domain.xml remembers, without this start's boot commands (sessions in memory, not in the
     * data grid), answer /health, and then undeploy it to deploy the WAR again, answering 404 meanwhile.
     */
    static ProcessBuilder payaraMicro(Path directory, int port, List<String> more) {
        Path jdk = RuntimeJdk.find().orElseThrow(() -> new IllegalStateException(RuntimeJdk.missing()));
        List<String> command = new ArrayList<>(List.of("sh", path("payara.startScript", null)));
        command.addAll(more);
        Path runtime = directory.resolve("payara-" + PAYARA_STARTS.incrementAndGet());
        command.addAll(List.of("--port", String.valueOf(port), "--rootdir", runtime.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("JAVA", jdk.resolve("bin/java").toString());
        builder.environment().put("PAYARA_MICRO_JAR", path("payara.microJar", null));
        builder.environment().put("PAYARA_DEPLOY", path("gatehouse.war", null));
        return builder;
    }

    /** The image's defaults, then the story's settings; nothing the test JVM happens to have. */
    private static void withSettings(ProcessBuilder builder, int port, Map<String, String> defaults, Map<String, String> settings) {
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("GATEHOUSE_"));
        environment.put("GATEHOUSE_ADDRESS", "127.0.0.1");
        environment.put("GATEHOUSE_PORT", String.valueOf(port));
        environment.putAll(defaults);
        environment.putAll(settings);
    }

    /** GATEHOUSE_DB_URL's system property: gatehouse.db.url. */
    private static String property(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static URI base(int port) {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String path(String property, String fallback) {
        String value = System.getProperty(property, fallback);
        if (value == null) {
            throw new IllegalStateException("-D" + property + " is not set (see pom.xml)");
        }
        return Paths.get(value).toAbsolutePath().toString();
    }
}
