package io.gatehouse.session;

import io.gatehouse.account.PasswordHasher;
import io.gatehouse.config.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The bench-only switch GATEHOUSE_BENCH_WITHOUT_SESSION_CHECK: signed-in requests skip the registry's check
 * ({@link EndedSessionFilter}), so that bench/run can measure what the check costs. A session ended elsewhere would
 * then go on being served, so the switch counts only beside the cheap-hash switch, which itself runs only on a
 * database of its own; without it, the start is refused. On, it is logged as SEVERE at every start
 * (docs/decisions/bench-without-session-check.md). Only "true" turns it on.
 */
@ApplicationScoped
public class BenchWithoutSessionCheck {

    static final Setting SWITCH = new Setting("bench.without.session.check");

    private static final Logger LOG = Logger.getLogger(BenchWithoutSessionCheck.class.getName());

    private final boolean honoured;

    @Inject
    public BenchWithoutSessionCheck(PasswordHasher hasher) {
        this(hasher.isCheap());
    }

    BenchWithoutSessionCheck(boolean cheapHash) {
        honoured = isOn() && cheapHash;
    }

    /** For the CDI proxy only. */
    protected BenchWithoutSessionCheck() {
        this(false);
    }

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted, PasswordHasher hasher) {
        check(hasher.isCheap());
    }

    static void check(boolean cheapHash) {
        if (!isOn()) {
            return;
        }
        if (!cheapHash) {
            throw new IllegalStateException(SWITCH.variable() + "=true without GATEHOUSE_BENCH_CHEAP_HASH=true: "
                    + "refusing to start. Skipping the session check is for benchmarks only, on a database of their own.");
        }
        LOG.severe(() -> SWITCH.variable() + "=true: a session ended on another device or node is NOT refused; "
                + "signed-in requests skip the session registry. For benchmarks only: never run a real service this way.");
    }

    static boolean isOn() {
        return SWITCH.value().filter("true"::equals).isPresent();
    }

    /** True only with both bench switches on: the filter lets signed-in requests through unchecked. */
    boolean skipsTheCheck() {
        return honoured;
    }
}
