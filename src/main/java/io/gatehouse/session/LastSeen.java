package io.gatehouse.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;

/**
 * A session's "last seen" in the {@link SessionRegistry}, written at most once a minute, so that browsing does not
 * turn into a database write per request. When it was last written is kept in the container's session.
 */
@ApplicationScoped
public class LastSeen {

    static final Duration EVERY = Duration.ofMinutes(1);

    /** When "last seen" was last written, in the clock's milliseconds. */
    private static final String WRITTEN = LastSeen.class.getName() + ".written";

    private final SessionRegistry registry;
    private final Clock clock;

    @Inject
    public LastSeen(SessionRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    LastSeen(SessionRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    protected LastSeen() {
        this(null, null);
    }

    /** The registry wrote "last seen" as it registered the session. */
    void registered(HttpSession session) {
        session.setAttribute(WRITTEN, clock.millis());
    }

    /** A request of this session: its row's "last seen" is written if a minute has passed since the last time. */
    void seen(HttpSession session, String sessionHash) {
        long now = clock.millis();
        try {
            if (!(session.getAttribute(WRITTEN) instanceof Long written) || now - written >= EVERY.toMillis()) {
                registry.seen(sessionHash);
                session.setAttribute(WRITTEN, now);
            }
        } catch (IllegalStateException endedMeanwhile) {
            // Ended by another request since this one was checked ("sign out" on another device): nothing to see.
        }
    }
}
