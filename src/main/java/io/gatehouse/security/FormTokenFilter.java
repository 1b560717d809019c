package io.gatehouse.security;

import io.gatehouse.web.Redirects;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The pages with a visitor's form: a POST without the visitor's {@link FormToken} goes back to a fresh form
 * ("?expired") and changes nothing; every page shown carries the token for its form to post.
 * The sign-in form posts to j_security_check, which {@link FormLoginMechanism} checks itself.
 */
public class FormTokenFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && !FormToken.isPosted(request)) {
            Redirects.seeOther(request, response, request.getServletPath() + "?expired");
            return;
        }
        request.setAttribute(FormToken.ATTRIBUTE, FormToken.issue(request, response));
        chain.doFilter(request, response);
    }
}
