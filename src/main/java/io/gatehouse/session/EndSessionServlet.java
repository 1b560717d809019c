package io.gatehouse.session;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** "Sign out" on one row: ends that session of this account, if the handle names one that is live. */
@WebServlet("/account/sessions/end")
public class EndSessionServlet extends EndingAction {

    static final String REASON = "ended-from-another-device";

    @Inject
    EndingSessions ending;

    public EndSessionServlet() {
        super(Ended.ONE);
    }

    @Override
    boolean end(HttpServletRequest request, String username, HttpSession session) {
        return ending.end(username, request.getParameter("handle"), REASON);
    }
}
