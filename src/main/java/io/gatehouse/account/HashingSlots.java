package io.gatehouse.account;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One password hash per core at a time: the others wait their turn, for a while, in the order they came.
 * A hash holds a core for a quarter of a second, so a burst of sign-ins would otherwise take every core, and every
 * other page would wait behind them. See docs/decisions/012-one-hash-per-core.md.
 */
final class HashingSlots {

    /**
     * Far longer than ordinary traffic ever waits (a queue of 8 sign-ins on 2 cores clears in a second), short
     * enough that a flood of sign-ins gets a 503 before it holds the server's threads for long.
     */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final Semaphore slots;
    private final Duration longestWait;

    HashingSlots(int slots, Duration longestWait) {
        this.slots = new Semaphore(slots, true);
        this.longestWait = longestWait;
    }

    static HashingSlots onePerCore() {
        return new HashingSlots(Runtime.getRuntime().availableProcessors(), LONGEST_WAIT);
    }

    <T> T run(Supplier<T> hashing) {
        acquire();
        try {
            return hashing.get();
        } finally {
            slots.release();
        }
    }

    private void acquire() {
        try {
            if (!slots.tryAcquire(longestWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TooBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooBusyException();
        }
    }
}
