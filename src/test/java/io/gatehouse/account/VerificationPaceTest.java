package io.gatehouse.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerificationPaceTest {

    private static final long MS = 1_000_000;

    private final VerificationPace pace = new VerificationPace();

    @Test
    void knowsNothingAtFirstAndWaitsForNothing() {
        assertFalse(pace.knows("PBKDF2"));
        assertEquals(0, pace.slowestNanos());
    }

    @Test
    void aFailureWaitsAQuarterLongerThanTheSlowestKindInUse() {
        pace.took("Argon2id", 30 * MS);
        pace.took("PBKDF2", 220 * MS);

        assertTrue(pace.knows("PBKDF2"));
        assertEquals(275 * MS, pace.slowestNanos());
    }

    @Test
    void aKindNoLongerInUseNoLongerCountsUntilItIsAgain() {
        pace.took("Argon2id", 30 * MS);
        pace.took("PBKDF2", 220 * MS);

        pace.inUse("PBKDF2", false);
        assertEquals(Math.round(30 * MS * 1.25), pace.slowestNanos());

        pace.inUse("PBKDF2", true);
        assertEquals(275 * MS, pace.slowestNanos());
    }

    @Test
    void aRetiredKindThatIsVerifiedAgainIsInUseAgain() {
        pace.took("PBKDF2", 220 * MS);
        pace.inUse("PBKDF2", false);

        pace.took("PBKDF2", 220 * MS);

        assertEquals(275 * MS, pace.slowestNanos());
    }

    @Test
    void eachKindIsARunningAverageSoOneSlowVerificationMovesItAnEighth() {
        pace.took("PBKDF2", 200 * MS);
        pace.took("PBKDF2", 1_000 * MS);

        assertEquals(Math.round(300 * MS * 1.25), pace.slowestNanos());
    }

    @Test
    void aFailureIsAnsweredNoSoonerThanThatAfterItsHashBegan() {
        pace.took("PBKDF2", 80 * MS);
        long began = System.nanoTime();

        pace.waitOutFailure(began);

        assertTrue(Duration.ofNanos(System.nanoTime() - began).toMillis() >= 100);
    }
}
