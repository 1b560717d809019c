package io.gatehouse.session;

import io.gatehouse.remember.RememberedDevices;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * No registry row outlives its session for long. At start, this node ends the rows it left when it last died
 * (kill -9 fires no session listener), unless its sessions are replicated to other nodes, where they live on (a
 * cluster, docs/decisions/022: then only expiry ends what a dead cluster left). Every few minutes, any node ends rows whose sessions must have timed out
 * (their last-seen time, written once a minute, is older than the idle timeout) and forgets rows ended a day ago,
 * and remember-me tokens a day past their expiry.
 */
@ApplicationScoped
public class RegistrySweeper {

    private static final Logger LOG = Logger.getLogger(RegistrySweeper.class.getName());
    private static final Duration EVERY = Duration.ofMinutes(5);
    /** "Last seen" lags a live session by up to a minute; one more for clocks. */
    private static final Duration SLACK = Duration.ofMinutes(2);
    private static final Duration KEEP_ENDED = Duration.ofDays(1);

    @Inject
    SessionRegistry registry;

    @Inject
    RememberedDevices remembered;

    private ScheduledExecutorService schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        if (ReplicatedSessions.areOn()) {
            LOG.info("Session registry: this node's sessions live on in the cluster; their rows stay");
        } else {
            int ended = registry.endAllOf(NodeName.fromSettings());
            LOG.info(() -> "Session registry: " + ended + " rows this node left behind ended");
        }
        SessionTimeouts timeouts = SessionTimeouts.fromSettings();
        Duration idle = timeouts.idle() != null ? timeouts.idle() : Duration.ofMinutes(context.getSessionTimeout());
        schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gatehouse-session-sweep");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(() -> sweep(idle, timeouts.absolute()), 0, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private void sweep(Duration idle, Duration absolute) {
        Instant now = Instant.now();
        try {
            registry.sweep(now.minus(idle).minus(SLACK), now.minus(absolute).minus(SLACK), now.minus(KEEP_ENDED));
            remembered.sweep(now.minus(KEEP_ENDED));
        } catch (RuntimeException unavailable) {
            LOG.log(Level.WARNING, "session registry sweep failed; it runs again in " + EVERY, unavailable);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
