package io.gatehouse.security;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few minutes, any node deletes the throttle's counts that an hour without a failure has made worthless, so a
 * flood of made-up names or addresses leaves no rows behind for long. Every node sweeping is harmless: the delete
 * is the same wherever it runs.
 */
@ApplicationScoped
public class SignInFailureSweeper {

    private static final Logger LOG = Logger.getLogger(SignInFailureSweeper.class.getName());
    private static final Duration EVERY = Duration.ofMinutes(5);

    @Inject
    SignInThrottle throttle;

    private ScheduledExecutorService schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gatehouse-throttle-sweep");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::sweep, EVERY.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private void sweep() {
        try {
            throttle.sweep();
        } catch (RuntimeException unavailable) {
            LOG.log(Level.WARNING, "sign-in throttle sweep failed; it runs again in " + EVERY, unavailable);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
