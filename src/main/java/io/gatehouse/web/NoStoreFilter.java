package io.gatehouse.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Pages are personal, so neither the browser nor a proxy may keep a copy: after sign-out the Back button
 * has nothing to show but what the server answers now. Only the shared assets under /static/ may be cached, and
 * only by visitors: nothing at all is stored from a signed-in session.
 */
public class NoStoreFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.getServletPath().startsWith("/static/") || request.getRemoteUser() != null) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
