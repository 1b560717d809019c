package io.gatehouse.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.database.Database;
import io.gatehouse.database.Migrations;
import io.gatehouse.testing.RecordedLog;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the application does at start-up about the bench switch, on an H2 file as it runs by default. */
class BenchCheapHashGuardTest {

    private static PasswordHasher real;
    private static PasswordHasher cheap;

    private RecordedLog log;
    private HikariDataSource dataSource;
    private AccountRepository accounts;

    @BeforeAll
    static void hashers() {
        real = new PasswordHasher(new Pbkdf2PasswordHashImpl(), Argon2Cost.DEFAULT);
        cheap = new PasswordHasher(new Pbkdf2PasswordHashImpl(), Argon2Cost.CHEAPEST);
    }

    @BeforeEach
    void emptyDatabase() {
        Path file = Path.of("target", "h2-guard-tests", UUID.randomUUID().toString()).toAbsolutePath();
        dataSource = new HikariDataSource(Database.poolConfig("jdbc:h2:file:" + file, "", ""));
        Migrations.migrate(dataSource);
        accounts = new AccountRepository(dataSource);
        log = RecordedLog.of(BenchCheapHashGuard.class);
    }

    @AfterEach
    void close() {
        log.close();
        dataSource.close();
    }

    @Test
    void theSwitchIsLoggedOnceAsSevereNamingTheVariable() {
        BenchCheapHashGuard.check(cheap, accounts);

        assertEquals(1, log.records().size(), "log lines");
        LogRecord line = log.records().get(0);
        assertEquals(Level.SEVERE, line.getLevel());
        assertTrue(line.getMessage().contains("GATEHOUSE_BENCH_CHEAP_HASH"), line.getMessage());
        assertTrue(line.getMessage().contains("Argon2id m=8,t=1,p=1, not m=19456,t=2,p=1"), line.getMessage());
        assertTrue(line.getMessage().contains("benchmarks only"), line.getMessage());
    }

    @Test
    void theSwitchRunsOnADatabaseOfItsOwn() throws Exception {
        accounts.create("bench-user-1", cheap.hash("bench password 1"));

        assertDoesNotThrow(() -> BenchCheapHashGuard.check(cheap, accounts));
    }

    @Test
    void theSwitchRefusesToStartOnADatabaseWithARealHash() throws Exception {
        accounts.create("bench-user-1", cheap.hash("bench password 1"));
        accounts.create("alice", real.hash("correct horse battery staple"));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> BenchCheapHashGuard.check(cheap, accounts));
        assertTrue(refused.getMessage().contains("GATEHOUSE_BENCH_CHEAP_HASH"), refused.getMessage());
    }

    @Test
    void withoutTheSwitchNothingIsLoggedAndAnyDatabaseWillDo() throws Exception {
        accounts.create("bench-user-1", cheap.hash("bench password 1"));
        accounts.create("alice", real.hash("correct horse battery staple"));

        assertDoesNotThrow(() -> BenchCheapHashGuard.check(real, accounts));
        assertEquals(List.of(), log.records());
    }
}
