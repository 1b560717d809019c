package io.gatehouse.session;

import io.gatehouse.security.FormToken;
import io.gatehouse.web.Redirects;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * One button of /account/sessions: a POST that carries the page's form token, does one thing, and answers 303 back
 * to the page with what happened in its query ("?ended"), so that a reload never repeats it. A POST without the
 * token, replayed from elsewhere or from an old page, changes nothing (docs/decisions/008). web.xml lets only a
 * signed-in caller this far.
 */
abstract class SessionsPageAction extends HttpServlet {

    static final String PAGE = "/account/sessions";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        String outcome;
        if (!FormToken.isPosted(request)) {
            outcome = "expired";
        } else if (session == null || request.getRemoteUser() == null) {
            outcome = "gone";
        } else {
            outcome = act(request, request.getRemoteUser(), session);
        }
        response.setHeader("Cache-Control", "no-store");
        Redirects.seeOther(request, response, PAGE + "?" + outcome);
    }

    /** Does this button's one thing, and names the outcome the page reports. */
    abstract String act(HttpServletRequest request, String username, HttpSession session);
}
