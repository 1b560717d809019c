package io.gatehouse.account;

import io.gatehouse.config.Setting;

/**
 * The bench-only switch: passwords hashed with the cheapest Argon2id Bouncy Castle computes
 * ({@link Argon2Cost#CHEAPEST}), so that bench/run can measure what a sign-in costs
 * besides the hash (docs/decisions/bench-cheap-hash-switch.md). Only "true" turns it on: "1" or a typo never
 * weakens a production start.
 */
final class BenchCheapHash {

    static final Setting SWITCH = new Setting("bench.cheap.hash");

    private BenchCheapHash() {
    }

    static boolean isOn() {
        return SWITCH.value().filter("true"::equals).isPresent();
    }
}
