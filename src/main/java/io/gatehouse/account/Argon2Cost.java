package io.gatehouse.account;

import io.gatehouse.config.Setting;
import java.util.List;

/**
 * What one Argon2id hash costs: memory in KiB (the PHC string's m), iterations (t) and parallelism (p).
 * New hashes take theirs from settings; a stored hash carries its own, which are believed only within the caps,
 * so that a tampered row cannot make a sign-in ask for gigabytes. See docs/decisions/014-argon2id-by-default.md.
 */
record Argon2Cost(int memoryKib, int iterations, int parallelism) {

    static final Setting MEMORY = new Setting("argon2.memory.kib");
    static final Setting ITERATIONS = new Setting("argon2.iterations");
    static final Setting PARALLELISM = new Setting("argon2.parallelism");

    /** OWASP's first choice, and the default. */
    static final Argon2Cost DEFAULT = new Argon2Cost(19_456, 2, 1);

    /**
     * OWASP's Password Storage Cheat Sheet: these memory and iteration pairs are equally strong, and the least a
     * hash may cost. A cost is at the floor when it has at least the memory and the iterations of one of them.
     */
    static final List<Argon2Cost> OWASP_FLOOR = List.of(
            new Argon2Cost(47_104, 1, 1),
            DEFAULT,
            new Argon2Cost(12_288, 3, 1),
            new Argon2Cost(9_216, 4, 1),
            new Argon2Cost(7_168, 5, 1));

    /**
     * The most a stored hash may ask for: the reference test vectors' 64 MiB, 3.4 times our default. The hashing
     * slots bound the heap that hashing takes to slots times this, so a row cannot ask for more.
     */
    static final int MAX_MEMORY_KIB = 65_536;
    static final int MAX_ITERATIONS = 16;
    static final int MAX_PARALLELISM = 4;

    /** Under {@link BenchCheapHash} only: the least Bouncy Castle computes (8 KiB per lane, one pass). */
    static final Argon2Cost CHEAPEST = new Argon2Cost(8, 1, 1);

    /** The settings, or the default for those not set; refuses what is below the floor or above the caps. */
    static Argon2Cost fromSettings() {
        Argon2Cost cost = new Argon2Cost(
                number(MEMORY, DEFAULT.memoryKib),
                number(ITERATIONS, DEFAULT.iterations),
                number(PARALLELISM, DEFAULT.parallelism));
        if (!cost.isWithinCaps()) {
            throw new IllegalStateException("Argon2id " + cost + " is above what a stored hash may ask for ("
                    + new Argon2Cost(MAX_MEMORY_KIB, MAX_ITERATIONS, MAX_PARALLELISM) + "): refusing to start. Lower "
                    + MEMORY.variable() + ", " + ITERATIONS.variable() + " or " + PARALLELISM.variable() + ".");
        }
        if (!cost.isAtLeastTheFloor()) {
            throw new IllegalStateException("Argon2id " + cost + " is below OWASP's minimum (" + OWASP_FLOOR
                    + ", memory in KiB): refusing to start. Raise " + MEMORY.variable() + " or "
                    + ITERATIONS.variable() + ".");
        }
        return cost;
    }

    boolean isAtLeastTheFloor() {
        return OWASP_FLOOR.stream().anyMatch(floor -> memoryKib >= floor.memoryKib && iterations >= floor.iterations)
                && parallelism >= 1;
    }

    boolean isWithinCaps() {
        return memoryKib >= 1 && memoryKib <= MAX_MEMORY_KIB
                && iterations >= 1 && iterations <= MAX_ITERATIONS
                && parallelism >= 1 && parallelism <= MAX_PARALLELISM;
    }

    /** Whether a hash made at this cost should be made again at {@code wanted}'s: it falls short in any of the three. */
    boolean fallsShortOf(Argon2Cost wanted) {
        return memoryKib < wanted.memoryKib || iterations < wanted.iterations || parallelism < wanted.parallelism;
    }

    /** Whether a hash at this cost costs at least as much as one at {@code other}'s, in memory and in passes. */
    boolean coversAtLeast(Argon2Cost other) {
        return memoryKib >= other.memoryKib && iterations >= other.iterations;
    }

    @Override
    public String toString() {
        return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
    }

    private static int number(Setting setting, int fallback) {
        String value = setting.valueOr(String.valueOf(fallback)).trim();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(setting.variable() + "=" + value + " is not a whole number: refusing to start.");
        }
    }
}
