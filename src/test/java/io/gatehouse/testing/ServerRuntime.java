package io.gatehouse.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * The runtime a failsafe execution tests, started as its docker/ files start it, for the stories that need a
 * server of their own: the launcher jar beside embedded Tomcat, standalone Tomcat 11 or 10.1, or Payara Micro.
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
    },

    /** docker/Dockerfile.tomcat's set-up of the distribution -Dgatehouse.it.tomcat names; see {@link StandaloneTomcat}. */
    TOMCAT {
        @Override
        StartedServer start(Path directory, int port, Map<String, String> settings) throws IOException, InterruptedException {
            return StandaloneTomcat.start(Paths.get(path("gatehouse.it.tomcat", null)), directory, port, settings, null);
        }
    },

    /** docker/Dockerfile.payara's command line: the thin WAR at "/", preboot.asadmin, no clustering. */
    PAYARA_MICRO {
        @Override
        StartedServer start(Path directory, int port, Map<String, String> settings) throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(java(), "-jar", path("payara.microJar", null),
                    "--nohazelcast", "--disablephonehome", "--prebootcommandfile", path("payara.prebootFile", null),
                    "--deploy", path("gatehouse.war", null), "--contextroot", "/",
                    "--port", String.valueOf(port), "--rootdir", directory.resolve("payara").toString())
                    .directory(directory.toFile());
            withSettings(builder, port, Map.of("GATEHOUSE_DB_URL", "jdbc:h2:file:" + directory.resolve("data/gatehouse")),
                    settings);
            return StartedServer.start(builder, base(port), directory.resolve("server.log"));
        }
    };

    /** The runtime of this execution: what its system properties (pom.xml) point the stories at. */
    public static ServerRuntime current() {
        if (System.getProperty("gatehouse.it.tomcat") != null) {
            return TOMCAT;
        }
        if ("payara-micro".equals(System.getProperty("arquillian.launch"))) {
            return PAYARA_MICRO;
        }
        return LAUNCHER;
    }

    /** Starts this runtime in {@code directory} on 127.0.0.1:{@code port}, returning once "/" answers 200. */
    abstract StartedServer start(Path directory, int port, Map<String, String> settings) throws IOException, InterruptedException;

    /** The image's defaults, then the story's settings; nothing the test JVM happens to have. */
    private static void withSettings(ProcessBuilder builder, int port, Map<String, String> defaults, Map<String, String> settings) {
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("GATEHOUSE_"));
        environment.put("GATEHOUSE_ADDRESS", "127.0.0.1");
        environment.put("GATEHOUSE_PORT", String.valueOf(port));
        environment.putAll(defaults);
        environment.putAll(settings);
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
