package io.gatehouse.metrics;

import io.gatehouse.account.SignUpRefused;
import io.gatehouse.account.SignedUp;
import io.gatehouse.security.SecurityEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Sign-ins, sign-ups and sign-outs, counted from the CDI events the other rooms already fire: the security log's
 * own events and the account's sign-up events. Nothing else knows that it is counted. The names and outcome labels
 * are a contract that dashboards and alerts read (docs/decisions/018-metrics.md).
 */
@ApplicationScoped
public class Counts {

    private final Map<String, Counter> byEvent;
    private final Counter signedUp;
    private final Map<SignUpRefused.Reason, Counter> refused;

    @Inject
    public Counts(MeterRegistry registry) {
        byEvent = Map.of(
                "sign-in.success", signIns(registry, "ok"),
                "sign-in.failure", signIns(registry, "wrong_password"),
                "sign-in.throttled", signIns(registry, "throttled"),
                "sign-in.too-busy", signIns(registry, "too_busy"),
                "sign-out", Counter.builder("gatehouse.sign.outs").description("Sign-outs").register(registry));
        signedUp = signUps(registry, "ok");
        refused = Map.of(
                SignUpRefused.Reason.NAME_TAKEN, signUps(registry, "name_taken"),
                SignUpRefused.Reason.REJECTED, signUps(registry, "rejected"));
    }

    /** For the CDI proxy only. */
    protected Counts() {
        byEvent = null;
        signedUp = null;
        refused = null;
    }

    void openAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // Observing the event is what creates the bean, and registers every counter at 0.
    }

    void count(@Observes SecurityEvent event) {
        Counter counter = byEvent.get(event.name());
        if (counter != null) {
            counter.increment();
        }
    }

    void count(@Observes SignedUp event) {
        signedUp.increment();
    }

    void count(@Observes SignUpRefused event) {
        refused.get(event.reason()).increment();
    }

    private static Counter signIns(MeterRegistry registry, String outcome) {
        return Counter.builder("gatehouse.sign.ins").description("Sign-ins by outcome").tag("outcome", outcome)
                .register(registry);
    }

    private static Counter signUps(MeterRegistry registry, String outcome) {
        return Counter.builder("gatehouse.sign.ups").description("Sign-ups by outcome").tag("outcome", outcome)
                .register(registry);
    }
}
