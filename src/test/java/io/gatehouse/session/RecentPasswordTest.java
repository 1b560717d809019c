package io.gatehouse.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentPasswordTest {

    private static final long CONFIRMED = 1_000_000_000L;

    @Test
    void holdsForFiveMinutesThenThePageAsksAgain() {
        assertTrue(RecentPassword.isRecent(CONFIRMED, CONFIRMED));
        assertTrue(RecentPassword.isRecent(CONFIRMED, CONFIRMED + 5 * 60_000 - 1));
        assertFalse(RecentPassword.isRecent(CONFIRMED, CONFIRMED + 5 * 60_000));
        assertFalse(RecentPassword.isRecent(CONFIRMED, CONFIRMED + 60 * 60_000));
    }

    @Test
    void aConfirmationFromTheFutureCountsForNothing() {
        assertFalse(RecentPassword.isRecent(CONFIRMED, CONFIRMED - 1));
    }
}
