package io.gatehouse.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Tomcat distribution set up as a user would, and as docker/Dockerfile.tomcat does: a fresh CATALINA_BASE with the
 * distribution's conf, docker/tomcat/server.xml and setenv.sh, the WAR as webapps/ROOT.war, settings in the
 * environment, started with {@code catalina.sh run} and stopped with SIGTERM. {@link SuiteServer} starts one for
 * the stories, {@link OwnServer} others with settings of their own.
 */
final class StandaloneTomcat {

    private StandaloneTomcat() {
    }

    /**
     * Sets up a fresh CATALINA_BASE from {@code home} as Dockerfile.tomcat does and runs {@code catalina.sh run} on
     * 127.0.0.1:{@code port}, with these GATEHOUSE_* settings and no others of ours. Without a database setting or
     * {@code jndiDatabase}, the accounts go to an H2 file under the base, as in the image.
     */
    static StartedServer start(Path home, Path base, int port, Map<String, String> settings, String jndiDatabase)
            throws IOException, InterruptedException {
        Path docker = Paths.get(System.getProperty("gatehouse.docker", "docker")).toAbsolutePath();
        deleteRecursively(base);
        for (String directory : new String[] {"bin", "conf", "logs", "temp", "webapps", "work"}) {
            Files.createDirectories(base.resolve(directory));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path file : conf.toList()) {
                Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
            }
        }
        Files.copy(docker.resolve("tomcat/server.xml"), base.resolve("conf/server.xml"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(docker.resolve("tomcat/setenv.sh"), base.resolve("bin/setenv.sh"));
        Files.copy(Paths.get(System.getProperty("gatehouse.war")), base.resolve("webapps/ROOT.war"));
        if (jndiDatabase != null) {
            defineServerDataSource(base.resolve("conf/context.xml"), jndiDatabase);
        }

        ProcessBuilder builder = new ProcessBuilder("sh", home.resolve("bin/catalina.sh").toString(), "run")
                .directory(base.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("GATEHOUSE_"));
        environment.put("CATALINA_HOME", home.toString());
        environment.put("CATALINA_BASE", base.toString());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("GATEHOUSE_ADDRESS", "127.0.0.1");
        environment.put("GATEHOUSE_PORT", String.valueOf(port));
        if (jndiDatabase == null) {
            environment.put("GATEHOUSE_DB_URL", "jdbc:h2:file:" + base.resolve("data/gatehouse"));
        }
        environment.putAll(settings);
        return StartedServer.start(builder, URI.create("http://127.0.0.1:" + port + "/"), base.resolve("logs/console.log"));
    }

    /** The pool a Tomcat administrator would define, which the WAR must prefer to its own settings. */
    private static void defineServerDataSource(Path contextXml, String h2File) throws IOException {
        String resource = "    <Resource name=\"jdbc/gatehouse\" auth=\"Container\" type=\"javax.sql.DataSource\""
                + " driverClassName=\"org.h2.Driver\" url=\"jdbc:h2:file:" + h2File + "\""
                + " username=\"\" password=\"\" maxTotal=\"10\" maxWaitMillis=\"5000\"/>\n</Context>";
        Files.writeString(contextXml, Files.readString(contextXml).replace("</Context>", resource));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
