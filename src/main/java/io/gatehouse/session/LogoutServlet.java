package io.gatehouse.session;

import io.gatehouse.history.EventKind;
import io.gatehouse.history.RecordedEvents;
import io.gatehouse.remember.RememberMe;
import io.gatehouse.security.CrossSiteRequests;
import io.gatehouse.security.SecurityLog;
import io.gatehouse.web.Redirects;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Signs out: the container forgets the caller, the session dies on the server, the browser is told to drop
 * its cookie and anything it cached, and the home page is next. A remembered device is forgotten first. Safe to call with no session at all.
 * A GET that another site started only shows a button that signs out (docs/decisions/006).
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    static final String CONFIRMATION_PAGE = "/sign-out.xhtml";

    @Inject
    SecurityLog log;

    @Inject
    RecordedEvents history;

    @Inject
    RememberMe rememberMe;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (CrossSiteRequests.isCrossSite(request)) {
            request.getRequestDispatcher(CONFIRMATION_PAGE).forward(request, response);
            return;
        }
        signOut(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        signOut(request, response);
    }

    private void signOut(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        rememberMe.forget(request, response);
        if (request.getRemoteUser() != null) {
            log.signedOut(request, request.getRemoteUser());
            history.record(request, request.getRemoteUser(), EventKind.SIGNED_OUT);
        }
        HttpSession signedIn = request.getSession(false);
        if (signedIn != null) {
            SignedInSessions.ending(signedIn, "signed-out");
        }
        request.logout();
        invalidate(signedIn);
        // Payara's logout starts a fresh session of its own; it must not outlive the sign-out either.
        invalidate(request.getSession(false));
        response.addCookie(expiredSessionCookie(request));
        response.setHeader("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"");
        Redirects.seeOther(request, response, "/");
    }

    private static void invalidate(HttpSession session) {
        if (session == null) {
            return;
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // Ended already, which is all we want.
        }
    }

    private Cookie expiredSessionCookie(HttpServletRequest request) {
        SessionCookieConfig config = getServletContext().getSessionCookieConfig();
        Cookie cookie = new Cookie(config.getName() == null ? "JSESSIONID" : config.getName(), "");
        String path = config.getPath() != null ? config.getPath() : request.getContextPath();
        cookie.setPath(path.isEmpty() ? "/" : path);
        cookie.setMaxAge(0);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        String sameSite = config.getAttribute("SameSite");
        if (sameSite != null) {
            cookie.setAttribute("SameSite", sameSite);
        }
        return cookie;
    }
}
