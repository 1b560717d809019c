package io.gatehouse.session;

import io.gatehouse.testing.AccountPages;
import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.WebClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The registry as the database holds it, after sign-outs, a new sign-in over a session, an ending from another
 * device and a password change: a live row for each session still signed in, and for nothing else. Runs where the
 * stories share their database with this JVM (PostgreSQL through {@code gatehouse.db.url}).
 */
class RegistryHygieneIT extends GatehouseIT {

    private static final String DATABASE = System.getProperty("gatehouse.db.url");

    @Test
    void noLiveRowOutlivesItsSessionAndNoSessionLivesWithoutOne() throws SQLException {
        assumeTrue(DATABASE != null, "the stories' database is not reachable from here");
        String username = newUsername();
        WebClient a = visitor();
        a.signUp(username, PASSWORD);
        WebClient signedOut = visitor();
        signedOut.signIn(username, PASSWORD);
        signedOut.get("logout");
        WebClient twice = visitor();
        twice.signIn(username, PASSWORD);
        twice.signIn(username, PASSWORD);
        WebClient ended = visitor();
        ended.signIn(username, PASSWORD);
        AccountPages.confirmPassword(a, PASSWORD);
        assertEquals("/account/sessions?ended-others", AccountPages.signOutEverywhereElse(a).location());
        WebClient after = visitor();
        after.signIn(username, PASSWORD);

        assertEquals(Map.of("live", 2, "ended", 4), rows(username), "A and the sign-in after it live; four ended");
        assertEquals(200, a.get("profile").status());
        assertEquals(200, after.get("profile").status());
        for (WebClient gone : new WebClient[] {signedOut, twice, ended}) {
            assertEquals("/login", gone.get("profile").location());
        }

        after.get("logout");
        assertEquals(Map.of("live", 1, "ended", 5), rows(username));
    }

    private static Map<String, Integer> rows(String username) throws SQLException {
        Map<String, Integer> rows = new HashMap<>(Map.of("live", 0, "ended", 0));
        try (Connection connection = DriverManager.getConnection(DATABASE,
                System.getProperty("gatehouse.db.user", ""), System.getProperty("gatehouse.db.password", ""));
             PreparedStatement select = connection.prepareStatement("SELECT s.ended_at IS NULL, COUNT(*)"
                     + " FROM live_session s JOIN account a ON a.id = s.account_id WHERE a.username_key = ?"
                     + " GROUP BY s.ended_at IS NULL")) {
            select.setString(1, username.toLowerCase());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getBoolean(1) ? "live" : "ended", row.getInt(2));
                }
            }
        }
        return rows;
    }
}
