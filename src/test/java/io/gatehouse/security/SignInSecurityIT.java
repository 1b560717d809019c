package io.gatehouse.security;

import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.RawHttp;
import io.gatehouse.testing.StoredHashes;
import io.gatehouse.testing.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in: no user enumeration, throttling per account and per address that never locks for good, credentials only
 * in a POST body. Each test signs in from loopback addresses of its own (127.0.0.N), as visitors from different
 * networks would, so that one test's failures never throttle another's.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting out the throttle's delays: beside the other stories (pom.xml)
class SignInSecurityIT extends GatehouseIT {

    private static final Logger LOG = Logger.getLogger(SignInSecurityIT.class.getName());
    private static final String WRONG = "not the password at all";
    /** SignInThrottle's figures: 5 failures free per account, 20 per address, then 2 s, 4 s, 8 s ... */
    private static final int FREE_PER_ACCOUNT = 5;
    private static final int FREE_PER_ADDRESS = 20;
    private static final Duration FIRST_DELAY = Duration.ofSeconds(2);

    private RawHttp from(int lastByte) {
        return new RawHttp(baseUri(), "127.0.0." + lastByte, lastResponse);
    }

    private static Page signIn(RawHttp client, String username, String password) {
        return client.postFromPage("/login", "/j_security_check", "j_username=" + username + "&j_password=" + password.replace(' ', '+'));
    }

    private String newAccount() {
        String username = newUsername();
        assertEquals(303, visitor().signUp(username, PASSWORD).status());
        return username;
    }

    // ----- no enumeration

    /**
     * An unknown name, an account still on PBKDF2 (220 ms a hash) and one moved to Argon2id (30 ms) get the same
     * answer in similar time: a failure waits out the slowest hash still stored. The PBKDF2 accounts are put in
     * place in the database, one a round so that none is throttled, and from an address of their own.
     */
    @Test
    void anUnknownNameAndAWrongPasswordGetTheSameAnswerInSimilarTime() {
        String known = newAccount();
        RawHttp client = from(11);
        RawHttp pbkdf2Client = from(12);
        List<String> unmigrated = new ArrayList<>();
        for (int round = 0; round <= 8; round++) {
            String username = newAccount();
            StoredHashes.replace(username, StoredHashes.pbkdf2(PASSWORD));
            unmigrated.add(username);
        }
        signIn(client, newUsername(), WRONG); // warm-up
        signIn(pbkdf2Client, unmigrated.get(8), WRONG);
        List<Long> knownMillis = new ArrayList<>();
        List<Long> unknownMillis = new ArrayList<>();
        List<Long> unmigratedMillis = new ArrayList<>();
        Page knownAnswer = null;
        Page unknownAnswer = null;
        Page unmigratedAnswer = null;
        for (int round = 0; round < 8; round++) {
            Instant start = Instant.now();
            knownAnswer = signIn(client, known, WRONG);
            knownMillis.add(Duration.between(start, Instant.now()).toMillis());
            start = Instant.now();
            unknownAnswer = signIn(client, newUsername(), WRONG);
            unknownMillis.add(Duration.between(start, Instant.now()).toMillis());
            start = Instant.now();
            unmigratedAnswer = signIn(pbkdf2Client, unmigrated.get(round), WRONG);
            unmigratedMillis.add(Duration.between(start, Instant.now()).toMillis());
        }

        assertSameAnswer(knownAnswer, unknownAnswer);
        assertSameAnswer(knownAnswer, unmigratedAnswer);
        long knownMedian = median(knownMillis);
        long unknownMedian = median(unknownMillis);
        long unmigratedMedian = median(unmigratedMillis);
        LOG.info(() -> "sign-in time, median of " + knownMillis.size() + ": known name (Argon2id) " + knownMedian
                + " ms, unknown name " + unknownMedian + " ms, known name still on PBKDF2 " + unmigratedMedian + " ms");
        assertTrue(unknownMedian > knownMedian / 2 && unknownMedian < knownMedian * 2,
                "known " + knownMillis + " vs unknown " + unknownMillis);
        assertTrue(unmigratedMedian > knownMedian / 2 && unmigratedMedian < knownMedian * 2,
                "migrated " + knownMillis + " vs unmigrated " + unmigratedMillis);
    }

    // ----- throttling

    @Test
    void afterFiveFailuresTheAccountWaitsAndEvenTheRightPasswordGetsTheWrongPasswordAnswer() throws Exception {
        String username = newAccount();
        RawHttp attacker = from(21);
        RawHttp owner = from(22);
        Page wrong = null;
        for (int i = 0; i <= FREE_PER_ACCOUNT; i++) {
            wrong = signIn(attacker, username, WRONG);
        }
        Instant closed = Instant.now();

        Page throttledOwner = signIn(owner, username, PASSWORD);
        assertWithin(closed, FIRST_DELAY);
        assertSameAnswer(wrong, throttledOwner);

        sleepUntil(closed.plus(FIRST_DELAY));
        wrong = signIn(attacker, username, WRONG);
        closed = Instant.now();
        Page throttledAttacker = signIn(attacker, username, PASSWORD);
        assertWithin(closed, FIRST_DELAY.multipliedBy(2));
        assertSameAnswer(wrong, throttledAttacker);

        sleepUntil(closed.plus(FIRST_DELAY.multipliedBy(2)));
        assertEquals("/profile", signIn(owner, username, PASSWORD).location(), "the door opens again after the delay");
    }

    private static void assertWithin(Instant closed, Duration delay) {
        assertTrue(Duration.between(closed, Instant.now()).compareTo(delay) < 0, "too slow to test a " + delay + " delay");
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), instant).toMillis()) + 300);
    }

    @Test
    void aThrottledAccountLeavesOtherAccountsAlone() {
        String victim = newAccount();
        String other = newAccount();
        RawHttp attacker = from(23);
        for (int i = 0; i <= FREE_PER_ACCOUNT + 2; i++) {
            signIn(attacker, victim, WRONG);
        }

        assertEquals("/login?error", signIn(attacker, victim, PASSWORD).location());
        assertEquals("/profile", signIn(attacker, other, PASSWORD).location());
    }

    @Test
    void anAddressWithTwentyFailuresWaitsWhicheverAccountItTries() {
        String username = newAccount();
        RawHttp sprayer = from(24);
        for (int i = 0; i <= FREE_PER_ADDRESS; i++) {
            signIn(sprayer, newUsername(), WRONG);
        }

        assertEquals("/login?error", signIn(sprayer, username, PASSWORD).location(), "the address is throttled");
        assertEquals("/profile", signIn(from(25), username, PASSWORD).location(), "other addresses are not");
    }

    @Test
    void failuresAgainstANameNobodyHasDoNotBlockWhoeverTakesItLater() {
        String username = newUsername();
        RawHttp guesser = from(26);
        for (int i = 0; i <= FREE_PER_ACCOUNT + 2; i++) {
            signIn(guesser, username, WRONG);
        }

        assertEquals(303, visitor().signUp(username, PASSWORD).status());
        assertEquals("/profile", signIn(from(26), username, PASSWORD).location());
    }

    // ----- credentials only in a POST body

    @Test
    void credentialsInAUrlNeverSignIn() {
        String username = newAccount();
        String query = "?j_username=" + username + "&j_password=" + PASSWORD.replace(' ', '+');
        WebClient visitor = visitor();

        Page login = visitor.get("login" + query);
        assertEquals(200, login.status());
        assertEquals(405, visitor.get("j_security_check" + query).status());
        assertEquals("/login?error", visitor.submitSignIn("j_security_check" + query, java.util.Map.of()).location());
        assertEquals("/login?error", visitor.submitSignIn("j_security_check?j%5Fpassword=x",
                java.util.Map.of("j_username", username, "j_password", PASSWORD)).location());
        assertTrue(visitor.sessionId().isEmpty());
        assertFalse(visitor.get("").body().contains("Signed in as"));
    }

    private static void assertSameAnswer(Page expected, Page actual) {
        assertEquals(expected.status(), actual.status(), actual::toString);
        assertEquals(expected.location(), actual.location());
        assertEquals(expected.body(), actual.body());
        assertEquals(headerNames(expected), headerNames(actual), actual::toString);
        assertTrue(actual.cookie("JSESSIONID").isEmpty(), actual::toString);
    }

    private static Set<String> headerNames(Page page) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(page.headers().map().keySet());
        names.remove("Date");
        return names;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
