package io.gatehouse.session;

import io.gatehouse.history.EventKind;
import io.gatehouse.history.RecordedEvents;
import io.gatehouse.security.SecurityLog;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** "Sign out everywhere else": every other session of this account ends; this one stays. */
@WebServlet("/account/sessions/end-others")
public class EndOtherSessionsServlet extends SessionsPageAction {

    static final String REASON = "signed-out-everywhere";

    @Inject
    EndingSessions ending;

    @Inject
    SecurityLog log;

    @Inject
    RecordedEvents history;

    @Override
    String act(HttpServletRequest request, String username, HttpSession session) {
        if (!RecentPassword.isRecent(session)) {
            return "confirm-first";
        }
        ending.endAllBut(username, session, REASON);
        log.signedOutEverywhere(request, username);
        history.record(request, username, EventKind.SIGNED_OUT_EVERYWHERE);
        return "ended-others";
    }
}
