package io.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK a runtime's own process runs on. The tests' own Java, unless the runtime needs a newer one
 * ({@code -Dgatehouse.it.java.release}: Payara 7 needs 21): then the one a user's machine would offer, in this order:
 * the setting {@code -Dgatehouse.it.java.setting} names (PAYARA7_JAVA_HOME), JAVA_HOME, the {@code java} on the
 * PATH, and the newest JDK in /usr/lib/jvm. None there, and the runtime's stories are skipped, saying so.
 */
final class RuntimeJdk {

    private static final Pattern RELEASE = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    private static final Path JVM_DIRECTORY = Paths.get("/usr/lib/jvm");

    private RuntimeJdk() {
    }

    static int needed() {
        return Integer.getInteger("gatehouse.it.java.release", Runtime.version().feature());
    }

    /** The Java home the runtime runs on, or empty when this machine has none new enough. */
    static Optional<Path> find() {
        int needed = needed();
        if (Runtime.version().feature() >= needed) {
            return Optional.of(Paths.get(System.getProperty("java.home")));
        }
        String setting = System.getProperty("gatehouse.it.java.setting");
        String named = setting == null ? null : System.getenv(setting);
        if (named != null && !named.isBlank()) {
            Path home = Paths.get(named);
            if (release(home) < needed) {
                throw new IllegalStateException(setting + "=" + named + " is not a JDK " + needed + " or newer");
            }
            return Optional.of(home);
        }
        return candidates().stream().filter(home -> release(home) >= needed).findFirst();
    }

    /** Why the runtime's stories are skipped here. */
    static String missing() {
        String setting = System.getProperty("gatehouse.it.java.setting", "JAVA_HOME");
        return "this runtime needs Java " + needed() + " or newer, and none was found (" + setting
                + ", JAVA_HOME, the PATH, " + JVM_DIRECTORY + "): set " + setting + " to a JDK " + needed() + "+ to run it";
    }

    private static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Paths.get(javaHome));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            Path java = Paths.get(directory, "java");
            if (Files.isExecutable(java)) {
                try {
                    candidates.add(java.toRealPath().getParent().getParent());
                } catch (IOException unreadable) {
                    // A dangling link is no JDK.
                }
                break;
            }
        }
        if (Files.isDirectory(JVM_DIRECTORY)) {
            try (Stream<Path> installed = Files.list(JVM_DIRECTORY)) {
                installed.filter(Files::isDirectory)
                        .sorted(Comparator.comparingInt(RuntimeJdk::release).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates;
    }

    /** The feature release in a JDK's {@code release} file; 0 for anything that is not a JDK. */
    private static int release(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return 0;
        }
        try {
            Matcher version = RELEASE.matcher(Files.readString(release));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
