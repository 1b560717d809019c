package io.gatehouse.session;

import io.gatehouse.security.SignInAttempts;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;

/** The password given again: this session may end others for 5 minutes. Wrong counts as a failed sign-in. */
@WebServlet("/account/sessions/confirm")
public class ConfirmPasswordServlet extends SessionsPageAction {

    @Inject
    SignInAttempts attempts;

    @Override
    String act(HttpServletRequest request, String username, HttpSession session) {
        String password = request.getParameter("password");
        if (password == null || attempts.check(request, username, password).getStatus() != VALID) {
            return "wrong-password";
        }
        RecentPassword.confirmed(session);
        return "confirmed";
    }
}
