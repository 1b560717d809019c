package io.gatehouse.account;

import java.time.Duration;
import java.util.Optional;

/** One turn at the {@link HashingSlots}: how long it waited, and how long it hashed, or nothing when it was refused. */
public record HashingSlotUse(Duration waited, Optional<Duration> hashing) {

    public boolean refused() {
        return hashing.isEmpty();
    }
}
