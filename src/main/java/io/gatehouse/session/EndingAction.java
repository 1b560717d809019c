package io.gatehouse.session;

import io.gatehouse.history.EventKind;
import io.gatehouse.history.RecordedEvents;
import io.gatehouse.security.SecurityLog;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A button of /account/sessions that ends something of this account: only while the password given again is recent
 * ({@link RecentPassword}), and each ending goes to the security log and the account's history. A subclass says
 * only what it ends.
 */
abstract class EndingAction extends SessionsPageAction {

    /** What a button ends, as the page, the security log and the history tell it. */
    enum Ended {
        ONE("ended", EventKind.SESSION_ENDED_ELSEWHERE),
        EVERY_OTHER("ended-others", EventKind.SIGNED_OUT_EVERYWHERE);

        private final String outcome;
        private final EventKind event;

        Ended(String outcome, EventKind event) {
            this.outcome = outcome;
            this.event = event;
        }
    }

    private final Ended ended;

    @Inject
    SecurityLog log;

    @Inject
    RecordedEvents history;

    EndingAction(Ended ended) {
        this.ended = ended;
    }

    @Override
    final String act(HttpServletRequest request, String username, HttpSession session) {
        if (!RecentPassword.isRecent(session)) {
            return "confirm-first";
        }
        if (!end(request, username, session)) {
            return "gone";
        }
        switch (ended) {
            case ONE -> log.sessionEndedElsewhere(request, username);
            case EVERY_OTHER -> log.signedOutEverywhere(request, username);
        }
        history.record(request, username, ended.event);
        return ended.outcome;
    }

    /** Ends what this button names; false if the account had no such thing live (another's, made up, ended). */
    abstract boolean end(HttpServletRequest request, String username, HttpSession session);
}
