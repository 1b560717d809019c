package io.gatehouse.session;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** "Sign out everywhere else": every other session of this account ends; this one stays. */
@WebServlet("/account/sessions/end-others")
public class EndOtherSessionsServlet extends EndingAction {

    static final String REASON = "signed-out-everywhere";

    @Inject
    EndingSessions ending;

    public EndOtherSessionsServlet() {
        super(Ended.EVERY_OTHER);
    }

    @Override
    boolean end(HttpServletRequest request, String username, HttpSession session) {
        ending.endAllBut(username, session, REASON);
        return true;
    }
}
