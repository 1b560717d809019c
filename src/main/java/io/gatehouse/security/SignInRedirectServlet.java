package io.gatehouse.security;

import io.gatehouse.history.EventKind;
import io.gatehouse.history.RecordedEvents;
import io.gatehouse.session.SignedInSessions;
import io.gatehouse.web.Redirects;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A POST to j_security_check reaches this servlet only after {@link FormLoginMechanism} has signed the caller
 * in, on its new session id: register the session, log it, and send them to the page they first asked for, or to their profile.
 */
@WebServlet("/j_security_check")
public class SignInRedirectServlet extends HttpServlet {

    @Inject
    SecurityLog log;

    @Inject
    SignedInSessions sessions;

    @Inject
    RecordedEvents history;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRemoteUser() == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        sessions.register(request, request.getRemoteUser());
        log.signInSucceeded(request, request.getRemoteUser());
        history.record(request, request.getRemoteUser(), EventKind.SIGNED_IN);
        Redirects.seeOther(request, response, SignInTarget.take(request, "/profile"));
    }
}
