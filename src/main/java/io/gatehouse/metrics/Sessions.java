package io.gatehouse.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.util.concurrent.atomic.AtomicInteger;

/** Live sessions, and those that ended because nobody used them for their idle timeout. */
@ApplicationScoped
public class Sessions {

    private final AtomicInteger live = new AtomicInteger();
    private final Counter timedOut;

    @Inject
    public Sessions(MeterRegistry registry) {
        Gauge.builder("gatehouse.sessions.live", live, AtomicInteger::get).description("Sessions open now")
                .register(registry);
        timedOut = Counter.builder("gatehouse.sessions.timed.out").description("Sessions ended by their idle timeout")
                .register(registry);
    }

    /** For the CDI proxy only. */
    protected Sessions() {
        timedOut = null;
    }

    void openAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // Observing the event is what creates the bean, and registers its meters at 0.
    }

    void created() {
        live.incrementAndGet();
    }

    void ended(HttpSession session) {
        live.decrementAndGet();
        if (idledOut(session)) {
            timedOut.increment();
        }
    }

    /** Sign-out and the absolute timeout invalidate a session themselves; only the container ends an idle one. */
    private static boolean idledOut(HttpSession session) {
        try {
            long idleMillis = System.currentTimeMillis() - session.getLastAccessedTime();
            return session.getMaxInactiveInterval() > 0 && idleMillis >= session.getMaxInactiveInterval() * 1000L;
        } catch (IllegalStateException alreadyInvalid) {
            return false;
        }
    }
}
