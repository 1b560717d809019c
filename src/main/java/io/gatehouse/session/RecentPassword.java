package io.gatehouse.session;

import jakarta.servlet.http.HttpSession;

/**
 * "Sudo mode": a password given again on the sessions page lets this session end others for 5 minutes
 * (ASVS 5.0 V7.5.2), so that a stolen cookie alone cannot evict the owner.
 */
final class RecentPassword {

    static final long VALID_MILLIS = 5 * 60_000;

    private static final String CONFIRMED_AT = RecentPassword.class.getName() + ".confirmedAt";

    private RecentPassword() {
    }

    static void confirmed(HttpSession session) {
        session.setAttribute(CONFIRMED_AT, System.currentTimeMillis());
    }

    static boolean isRecent(HttpSession session) {
        return session != null && session.getAttribute(CONFIRMED_AT) instanceof Long at
                && isRecent(at, System.currentTimeMillis());
    }

    static boolean isRecent(long confirmedAt, long now) {
        return now >= confirmedAt && now - confirmedAt < VALID_MILLIS;
    }
}
