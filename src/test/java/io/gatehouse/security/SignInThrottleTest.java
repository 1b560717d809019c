package io.gatehouse.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic, on a clock the test moves by hand. */
class SignInThrottleTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private int tried;
    private final SignInThrottle throttle = new SignInThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

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
}
