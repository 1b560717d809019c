package io.gatehouse.account;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A failed verification is answered no sooner than the slowest kind of verification still in use takes, so that
 * its time does not tell which names exist, nor which were moved from PBKDF2 (220 ms) to Argon2id (30 ms).
 * The wait is a sleep, not a hash: it costs no core. It counts from the moment the hash got its slot, so time spent
 * queueing, which all kinds share, is not counted twice.
 * <p>Each kind's time is a running average of its own verifications, kept as long as the kind is in use; the wait
 * aims a quarter above the slowest, so that a verification a little slower than its average seldom shows.
 */
final class VerificationPace {

    private static final double NEW_SAMPLE_WEIGHT = 1.0 / 8;
    private static final double MARGIN = 1.25;

    private final Map<String, Double> averageNanos = new ConcurrentHashMap<>();
    private final Set<String> retired = ConcurrentHashMap.newKeySet();

    /** A kind just verified is in use, whatever start-up found: a row restored from a backup counts too. */
    void took(String kind, long nanos) {
        retired.remove(kind);
        averageNanos.merge(kind, (double) nanos,
                (average, sample) -> average + (sample - average) * NEW_SAMPLE_WEIGHT);
    }

    boolean knows(String kind) {
        return averageNanos.containsKey(kind);
    }

    /** A kind no stored hash has any more is left out of the wait; one in use again is counted again. */
    void inUse(String kind, boolean inUse) {
        if (inUse) {
            retired.remove(kind);
        } else {
            retired.add(kind);
        }
    }

    long slowestNanos() {
        return Math.round(averageNanos.entrySet().stream()
                .filter(kind -> !retired.contains(kind.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .max().orElse(0) * MARGIN);
    }

    /** Sleeps until {@link #slowestNanos} after {@code beganNanos}, a {@link System#nanoTime()}. */
    void waitOutFailure(long beganNanos) {
        long remaining = beganNanos + slowestNanos() - System.nanoTime();
        if (remaining <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
