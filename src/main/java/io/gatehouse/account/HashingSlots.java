package io.gatehouse.account;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One password hash per core at a time: the others wait their turn, for a while, in the order they came.
 * A hash holds a core for a quarter of a second, so a burst of sign-ins would otherwise take every core, and every
 * other page would wait behind them. See docs/decisions/012-one-hash-per-core.md. Each turn is reported
 * ({@link HashingSlotUse}), so that the wait and the hash can be measured where they happen.
 */
final class HashingSlots {

    /**
     * Far longer than ordinary traffic ever waits (a queue of 8 sign-ins on 2 cores clears in a second), short
     * enough that a flood of sign-ins gets a 503 before it holds the server's threads for long.
     */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final Semaphore slots;
    private final Duration longestWait;
    private final Consumer<HashingSlotUse> report;

    HashingSlots(int slots, Duration longestWait) {
        this(slots, longestWait, use -> { });
    }

    HashingSlots(int slots, Duration longestWait, Consumer<HashingSlotUse> report) {
        this.slots = new Semaphore(slots, true);
        this.longestWait = longestWait;
        this.report = report;
    }

    static HashingSlots onePerCore() {
        return onePerCore(use -> { });
    }

    static HashingSlots onePerCore(Consumer<HashingSlotUse> report) {
        return new HashingSlots(Runtime.getRuntime().availableProcessors(), LONGEST_WAIT, report);
    }

    <T> T run(Supplier<T> hashing) {
        long asked = System.nanoTime();
        acquire(asked);
        long granted = System.nanoTime();
        try {
            return hashing.get();
        } finally {
            slots.release();
            report.accept(new HashingSlotUse(Duration.ofNanos(granted - asked),
                    Optional.of(Duration.ofNanos(System.nanoTime() - granted))));
        }
    }

    private void acquire(long asked) {
        boolean granted = false;
        try {
            granted = slots.tryAcquire(longestWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!granted) {
            report.accept(new HashingSlotUse(Duration.ofNanos(System.nanoTime() - asked), Optional.empty()));
            throw new TooBusyException();
        }
    }
}
