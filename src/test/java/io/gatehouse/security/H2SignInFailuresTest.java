package io.gatehouse.security;

import com.zaxxer.hikari.HikariConfig;
import io.gatehouse.database.Database;
import java.nio.file.Path;
import java.util.UUID;

/** H2 in file mode, as the application runs by default; each test gets its own file under target/. */
class H2SignInFailuresTest extends SignInFailuresTest {

    private static final Path DIRECTORY = Path.of("target", "h2-throttle-tests").toAbsolutePath();

    @Override
    HikariConfig emptyDatabase() {
        Path file = DIRECTORY.resolve(UUID.randomUUID().toString());
        return Database.poolConfig("jdbc:h2:file:" + file, "", "");
    }
}
