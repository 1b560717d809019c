package io.gatehouse.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The throttle's arithmetic, on a clock the test moves by hand. The counts are kept in memory here as the database
 * keeps them (one more, or one again after {@code forgetAfter}); {@code SignInFailuresTest} holds the database to
 * that on H2 and PostgreSQL.
 */
class SignInThrottleTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private int tried;
    private final SignInThrottle throttle = new SignInThrottle(new CountsOnTheTestsClock());

    @Test
    void theDelaysDoubleFromTwoSecondsUpToFiveMinutes() {
        SignInThrottle.Rule rule = SignInThrottle.PER_ACCOUNT;
        assertEquals(Duration.ZERO, rule.delayAfter(5));
        assertEquals(Duration.ofSeconds(2), rule.delayAfter(6));
        assertEquals(Duration.ofSeconds(4), rule.delayAfter(7));
        assertEquals(Duration.ofSeconds(256), rule.delayAfter(13));
        assertEquals(Duration.ofMinutes(5), rule.delayAfter(14));
        assertEquals(Duration.ofMinutes(5), rule.delayAfter(1_000));
    }

    @Test
    void anAccountAttackedFlatOutGetsAtMostTwentyFourTriesInTheFirstHourAndTwelveAnHourAfter() {
        assertEquals(24, triesIn(Duration.ofHours(1)));
        assertEquals(24 + 12, triesIn(Duration.ofHours(1)), "after two hours");
    }

    @Test
    void aRightPasswordClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < 21; i++) {
            throttle.failed("alice", "192.0.2.1");
        }
        throttle.succeeded("alice");

        assertFalse(throttle.isThrottled("alice", "192.0.2.2"));
        assertTrue(throttle.isThrottled("bob", "192.0.2.1"));
    }

    @Test
    void anHourWithoutFailuresForgetsThemAll() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("alice", "192.0.2.1");
        }
        now = now.plus(Duration.ofHours(1)).plusSeconds(1);

        assertFalse(throttle.isThrottled("alice", "192.0.2.1"));
        throttle.failed("alice", "192.0.2.1");
        assertFalse(throttle.isThrottled("alice", "192.0.2.1"), "counting starts again from one");
    }

    @Test
    void aNameThatCannotBeAnAccountCountsOnlyAgainstItsAddress() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("not a name!", "192.0.2.1");
        }
        assertFalse(throttle.isThrottled("not a name!", "192.0.2.9"));
    }

    @Test
    void theDoorIsClosedFromTheLastFailureForItsDelayOnTheDatabasesClock() {
        Instant last = Instant.parse("2026-01-01T00:00:00Z");
        SignInFailures.Count sixth = new SignInFailures.Count(6, last, last.plusMillis(1_999));

        assertTrue(SignInThrottle.closed(sixth, SignInThrottle.PER_ACCOUNT));
        assertFalse(SignInThrottle.closed(new SignInFailures.Count(6, last, last.plusSeconds(2)), SignInThrottle.PER_ACCOUNT));
        assertFalse(SignInThrottle.closed(sixth, SignInThrottle.PER_ADDRESS), "20 are free per address");
        assertFalse(SignInThrottle.closed(null, SignInThrottle.PER_ACCOUNT), "no count, no door");
    }

    /** Tries as soon as the door opens, from ever new addresses, for {@code period} more; returns all real tries. */
    private int triesIn(Duration period) {
        Instant end = now.plus(period);
        while (now.isBefore(end)) {
            String address = "192.0.2." + (tried % 200);
            if (throttle.isThrottled("alice", address)) {
                now = now.plusMillis(100);
            } else {
                throttle.failed("alice", address);
                tried++;
            }
        }
        return tried;
    }

    /** What the sign_in_failure table does, in a map, with the test's {@code now} for the database's clock. */
    private final class CountsOnTheTestsClock extends SignInFailures {

        private final Map<String, SignInFailures.Count> counts = new HashMap<>();

        @Override
        public Map<String, SignInFailures.Count> read(List<String> keys) {
            Map<String, SignInFailures.Count> found = new HashMap<>();
            for (String key : keys) {
                SignInFailures.Count count = counts.get(key);
                if (count != null) {
                    found.put(key, new SignInFailures.Count(count.failures(), count.lastFailedAt(), now));
                }
            }
            return found;
        }

        @Override
        public void add(List<String> keys, Duration forgetAfter) {
            for (String key : keys) {
                SignInFailures.Count old = counts.get(key);
                boolean again = old == null || old.lastFailedAt().isBefore(now.minus(forgetAfter));
                counts.put(key, new SignInFailures.Count(again ? 1 : old.failures() + 1, now, now));
            }
        }

        @Override
        public void forget(String key) {
            counts.remove(key);
        }
    }
}
