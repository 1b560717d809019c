package io.gatehouse.session;

import io.gatehouse.account.PasswordChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A changed password has already put every session of the account out of date (its "sessions valid after"); this
 * marks their rows ended, ends those this node holds, and keeps the session that changed it, under its new id.
 * Should this fail, that session too is refused on its next request, and signs in with the new password.
 */
@ApplicationScoped
public class PasswordChangeEndsSessions {

    static final String REASON = "password-changed";

    @Inject
    EndingSessions ending;

    @Inject
    HttpServletRequest currentRequest;

    void passwordChanged(@Observes PasswordChanged changed) {
        ending.endAllBut(changed.username(), currentRequest.getSession(), REASON);
    }
}
