package io.gatehouse.history;

import io.gatehouse.account.PasswordChanged;
import io.gatehouse.account.SignedUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts what just happened to an account into its history, with the address and User-Agent of the request. The history
 * is never what stops a sign-in or a sign-out: should the database refuse the event, it is lost from the page (the
 * security log still has it) and the request goes on.
 */
@ApplicationScoped
public class RecordedEvents {

    private static final Logger LOG = Logger.getLogger(RecordedEvents.class.getName());

    @Inject
    AccountHistory history;

    @Inject
    HttpServletRequest currentRequest;

    public void record(HttpServletRequest request, String username, EventKind kind) {
        try {
            history.record(username, kind, request.getRemoteAddr(), request.getHeader("User-Agent"));
        } catch (RuntimeException unavailable) {
            LOG.log(Level.WARNING, "an account event was not recorded: " + kind, unavailable);
        }
    }

    void signedUp(@Observes SignedUp signedUp) {
        record(currentRequest, signedUp.username(), EventKind.SIGNED_IN);
    }

    void passwordChanged(@Observes PasswordChanged changed) {
        record(currentRequest, changed.username(), EventKind.PASSWORD_CHANGED);
    }
}
