package io.gatehouse.session;

import io.gatehouse.history.EventKind;
import io.gatehouse.history.RecordedEvents;
import io.gatehouse.security.SecurityLog;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** "Sign out" on one row: ends that session of this account, if the handle names one that is live. */
@WebServlet("/account/sessions/end")
public class EndSessionServlet extends SessionsPageAction {

    static final String REASON = "ended-from-another-device";

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
        if (!ending.end(username, request.getParameter("handle"), REASON)) {
            return "gone";
        }
        log.sessionEndedElsewhere(request, username);
        history.record(request, username, EventKind.SESSION_ENDED_ELSEWHERE);
        return "ended";
    }
}
