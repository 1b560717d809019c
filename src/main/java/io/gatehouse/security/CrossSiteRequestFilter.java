package io.gatehouse.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A POST that another site started is refused with a plain 403, whatever it was aimed at: our stateless Faces
 * views have no ViewState to check (docs/decisions/003), so the browser's own word on where the request came from
 * stands in (006). The forms used before sign-in also carry a {@link FormToken} (008).
 */
public class CrossSiteRequestFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && CrossSiteRequests.isCrossSite(request)) {
            forbid(response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Written here, not sent as an error: web.xml shows every other 403 as a 404. */
    static void forbid(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Forbidden");
    }
}
