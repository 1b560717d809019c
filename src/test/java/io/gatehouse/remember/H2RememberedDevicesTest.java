package io.gatehouse.remember;

import com.zaxxer.hikari.HikariConfig;
import io.gatehouse.database.Database;
import java.nio.file.Path;
import java.util.UUID;

/** H2 in file mode, as the application runs by default; each test gets its own file under target/. */
class H2RememberedDevicesTest extends RememberedDevicesTest {

    private static final Path DIRECTORY = Path.of("target", "h2-remember-tests").toAbsolutePath();

    @Override
    HikariConfig emptyDatabase() {
        return Database.poolConfig("jdbc:h2:file:" + DIRECTORY.resolve(UUID.randomUUID().toString()), "", "");
    }
}
