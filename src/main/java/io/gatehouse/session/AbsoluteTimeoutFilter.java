package io.gatehouse.session;

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
import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in session ends a fixed time after sign-in, however busy it is kept (ASVS 5.0 7.3.2): the first request
 * after that finds it ended and is sent to sign in again. The idle timeout alone would let a stolen session that is
 * used every few minutes live for ever.
 */
public class AbsoluteTimeoutFilter extends HttpFilter {

    static final String SIGNED_IN_AT = AbsoluteTimeoutFilter.class.getName() + ".signedInAt";

    private final Duration absolute = SessionTimeouts.fromSettings().absolute();

    @Inject
    WebXmlLoginConfig loginConfig;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getRemoteUser() == null ? null : request.getSession(false);
        if (session != null) {
            Instant now = Instant.now();
            if (!(session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt)) {
                session.setAttribute(SIGNED_IN_AT, now);
            } else if (!now.isBefore(signedInAt.plus(absolute))) {
                SignedInSessions.ending(session, "absolute-timeout");
                request.logout();
                session.invalidate();
                response.setHeader("Cache-Control", "no-store");
                Redirects.seeOther(request, response, loginConfig.loginPage());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
