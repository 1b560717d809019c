package io.gatehouse.metrics;

import io.gatehouse.account.HashingSlotUse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The password hashing slots: how long a hash waited for one, how long it hashed, and how many were refused after
 * the longest wait (each a 503). A queue that grows shows here before the 503s do.
 */
@ApplicationScoped
public class Hashing {

    private final Timer waited;
    private final Timer hashed;
    private final Counter refused;

    @Inject
    public Hashing(MeterRegistry registry) {
        waited = Timer.builder("gatehouse.hashing.slot.wait").description("Time a password hash waited for a slot")
                .register(registry);
        hashed = Timer.builder("gatehouse.password.hash").description("Time one password hash took in its slot")
                .register(registry);
        refused = Counter.builder("gatehouse.hashing.slot.refusals")
                .description("Password hashes refused after the longest wait for a slot").register(registry);
    }

    /** For the CDI proxy only. */
    protected Hashing() {
        waited = null;
        hashed = null;
        refused = null;
    }

    void openAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // Observing the event is what creates the bean, and registers its meters at 0.
    }

    void count(@Observes HashingSlotUse use) {
        waited.record(use.waited());
        use.hashing().ifPresentOrElse(hashed::record, refused::increment);
    }
}
