package io.gatehouse.session;

import io.gatehouse.account.Account;
import io.gatehouse.account.SignedInAccount;
import io.gatehouse.security.WebXmlLoginConfig;
import io.gatehouse.web.Redirects;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * Before any page is shown to a signed-in session, asks the {@link SessionRegistry} whether it is still live: a
 * session ended on another device or node is signed out here and sent to sign in, as after /logout
 * (docs/decisions/015). A registry that cannot be read is the database's plain 503, never a pass.
 * The sign-in form itself is let through: its session is registered by the servlet behind it.
 */
public class EndedSessionFilter extends HttpFilter {

    @Inject
    SessionRegistry registry;

    @Inject
    SessionIdHash hash;

    @Inject
    WebXmlLoginConfig loginConfig;

    @Inject
    SignedInSessions signedIn;

    @Inject
    LastSeen lastSeen;

    @Inject
    BenchWithoutSessionCheck bench;

    @Inject
    SignedInAccount signedInAccount;

    private boolean checks;

    @Override
    public void init() {
        checks = !bench.skipsTheCheck();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String user = request.getRemoteUser();
        HttpSession session = user == null || isSignInForm(request) ? null : request.getSession(false);
        if (session != null && request.getAttribute(SignedInSessions.TO_REGISTER) != null) {
            signedIn.register(request, user);
        }
        if (session != null && checks) {
            String sessionHash = hash.of(session.getId());
            Optional<Account> live = registry.liveAccount(sessionHash, user);
            if (live.isEmpty()) {
                SignedInSessions.ending(session, "ended-elsewhere");
                request.logout();
                invalidate(session);
                response.setHeader("Cache-Control", "no-store");
                Redirects.seeOther(request, response, loginConfig.loginPage());
                return;
            }
            signedInAccount.readWithTheSession(live.get());
            lastSeen.seen(session, sessionHash);
        }
        chain.doFilter(request, response);
    }

    private static boolean isSignInForm(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/j_security_check");
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // Payara's logout may have ended it already.
        }
    }
}
