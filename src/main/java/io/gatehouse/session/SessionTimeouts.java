package io.gatehouse.session;

import io.gatehouse.config.Setting;
import java.time.Duration;

/**
 * How long a session lives: {@code idle} without a request (web.xml's 30 minutes unless
 * GATEHOUSE_SESSION_IDLE_TIMEOUT says otherwise), and {@code absolute} from sign-in however busy it is
 * (GATEHOUSE_SESSION_ABSOLUTE_TIMEOUT, 8 hours by default). Both are ISO-8601 durations: PT30M, PT8H.
 */
record SessionTimeouts(Duration idle, Duration absolute) {

    static final Duration DEFAULT_ABSOLUTE = Duration.ofHours(8);

    /** The idle timeout only if one is configured; otherwise web.xml's {@code <session-timeout>} stands. */
    static SessionTimeouts fromSettings() {
        return new SessionTimeouts(
                new Setting("session.idle.timeout").duration().orElse(null),
                new Setting("session.absolute.timeout").duration().orElse(DEFAULT_ABSOLUTE));
    }
}
