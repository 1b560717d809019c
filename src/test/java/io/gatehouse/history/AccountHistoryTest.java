package io.gatehouse.history;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.account.AccountRepository;
import io.gatehouse.database.Database;
import io.gatehouse.database.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history keeps 90 days, or at least the latest 50 per account, on its own. */
class AccountHistoryTest {

    private HikariDataSource dataSource;
    private AccountHistory history;

    @BeforeEach
    void open() throws Exception {
        Path file = Path.of("target", "h2-history-tests", UUID.randomUUID().toString()).toAbsolutePath();
        dataSource = new HikariDataSource(Database.poolConfig("jdbc:h2:file:" + file, "", ""));
        Migrations.migrate(dataSource);
        new AccountRepository(dataSource).create("alice", "x");
        new AccountRepository(dataSource).create("bob", "x");
        history = new AccountHistory(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void showsTheLatestFiftyNewestFirstButKeepsEverythingYoungerThanNinetyDays() throws Exception {
        for (int i = 0; i < 60; i++) {
            history.record("alice", i == 59 ? EventKind.PASSWORD_CHANGED : EventKind.SIGNED_IN, "203.0.113.7", "UA");
        }

        List<HistoryEntry> latest = history.latest("alice");

        assertEquals(50, latest.size());
        assertEquals(EventKind.PASSWORD_CHANGED, latest.get(0).kind());
        assertEquals(60, count("alice"), "younger than 90 days, all kept");
    }

    @Test
    void forgetsWhatIsOlderThanNinetyDaysBeyondTheLatestFifty() throws Exception {
        for (int i = 0; i < 60; i++) {
            history.record("alice", EventKind.SIGNED_IN, "203.0.113.7", "UA");
        }
        history.record("bob", EventKind.SIGNED_IN, "203.0.113.8", "UA");
        execute("UPDATE account_event SET occurred_at = DATEADD('DAY', -100, occurred_at)");

        history.record("alice", EventKind.SIGNED_OUT, "203.0.113.7", "UA");

        assertEquals(50, count("alice"), "the latest 50 stay, however old");
        assertEquals(1, count("bob"), "another account's history untouched");
    }

    @Test
    void forgetsOnlyWhatIsOlderThanNinetyDaysOfABusyAccount() throws Exception {
        for (int i = 0; i < 70; i++) {
            history.record("alice", EventKind.SIGNED_IN, "203.0.113.7", "UA");
        }
        ageTheFirst(5);

        history.record("alice", EventKind.SIGNED_OUT, "203.0.113.7", "UA");

        assertEquals(66, count("alice"), "the 5 old ones forgotten, the 66 recent ones kept");
    }

    @Test
    void keepsOldEventsWhileTheAccountHasFewerThanFiftyRecentOnes() throws Exception {
        for (int i = 0; i < 40; i++) {
            history.record("alice", EventKind.SIGNED_IN, "203.0.113.7", "UA");
        }
        ageTheFirst(30);

        for (int i = 0; i < 15; i++) {
            history.record("alice", EventKind.SIGNED_IN, "203.0.113.7", "UA");
        }

        assertEquals(50, count("alice"), "25 recent ones and the latest 25 of the old ones");
        assertEquals(25, history.latest("alice").stream()
                .filter(event -> event.occurredAt().isBefore(Instant.now().minus(Duration.ofDays(90)))).count());
    }

    @Test
    void anUnknownNameRecordsNothing() throws Exception {
        history.record("nobody", EventKind.SIGN_IN_FAILED, "203.0.113.7", "UA");

        assertTrue(history.latest("nobody").isEmpty());
        assertEquals(0, count("nobody"));
    }

    private int count(String username) throws Exception {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT COUNT(*) FROM account_event e JOIN account a"
                     + " ON a.id = e.account_id WHERE a.username_key = '" + username + "'")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Moves the first {@code events} recorded 100 days back. */
    private void ageTheFirst(int events) throws Exception {
        execute("UPDATE account_event SET occurred_at = DATEADD('DAY', -100, occurred_at) WHERE id IN"
                + " (SELECT id FROM account_event ORDER BY id FETCH FIRST " + events + " ROWS ONLY)");
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
