package io.gatehouse.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The query and the posted form are read here, before Faces: a form larger than the container will parse
 * (Tomcat's 2 MiB maxPostSize) is a 413, and parameters that cannot be decoded ("%zz") are a 400. Faces would turn
 * either into a 500.
 */
public class ParametersFilter extends HttpFilter {

    static final long MAX_FORM_BYTES = 2 * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > MAX_FORM_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        try {
            request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
