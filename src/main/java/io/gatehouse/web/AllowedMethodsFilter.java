package io.gatehouse.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * A browser needs GET, HEAD and POST; OPTIONS says so. Anything else (PUT, DELETE, TRACE, PATCH...) is a plain
 * 405, before Faces, which would otherwise render a page for any method at all.
 */
public class AllowedMethodsFilter extends HttpFilter {

    static final String ALLOWED = "GET, HEAD, POST, OPTIONS";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) {
            response.setHeader("Allow", ALLOWED);
            SecurityHeaders.defaultContentType(response);
            response.setContentLength(0);
        } else if (METHODS.contains(method)) {
            chain.doFilter(request, response);
        } else {
            response.setHeader("Allow", ALLOWED);
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }
}
