package io.gatehouse.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The home page is the same for every visitor who is not signed in, so Faces renders it once and this filter
 * answers the next GET / with a copy (docs/decisions/010-cached-home-page.md). Everything else, the signed-in home
 * page included, goes to Faces as before.
 */
public class HomePageCacheFilter extends HttpFilter {

    private volatile Page page;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isVisitorsHomePage(request)) {
            chain.doFilter(request, response);
            return;
        }
        Page cached = page;
        if (cached != null) {
            cached.writeTo(response);
            return;
        }
        ResponseCopy copy = new ResponseCopy(response);
        chain.doFilter(request, copy);
        byte[] body = copy.body();
        if (body != null && response.getStatus() == HttpServletResponse.SC_OK) {
            page = new Page(response.getContentType(), body);
        }
    }

    /** What Faces renders the same for everyone: a plain GET of "/", no query, no Ajax, nobody signed in. */
    static boolean isVisitorsHomePage(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/")
                && request.getQueryString() == null
                && request.getHeader("Faces-Request") == null
                && request.getRemoteUser() == null;
    }

    private record Page(String contentType, byte[] body) {

        void writeTo(HttpServletResponse response) throws IOException {
            response.setContentType(contentType);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
