package io.gatehouse.web;

import io.gatehouse.security.FormToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages named in the {@code pages} init-parameter (the home page and the sign-in form) are the same for every
 * visitor who is not signed in, except for the visitor's own form token. Faces renders each once; this filter
 * answers the next visitors with a copy, their own token put where the first one's was
 * (docs/decisions/010-cached-visitor-pages.md). Everything else, signed-in pages and every query included, goes to
 * Faces as before.
 */
public class VisitorPageCacheFilter extends HttpFilter {

    private Set<String> paths;
    private final Map<String, CopiedPage> copies = new ConcurrentHashMap<>();

    @Override
    public void init() {
        paths = Set.of(getInitParameter("pages").trim().split("\\s+"));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!paths.contains(path) || !isRenderedTheSameForEveryVisitor(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = (String) request.getAttribute(FormToken.ATTRIBUTE);
        CopiedPage copy = copies.get(path);
        if (copy != null && copy.fits(token)) {
            copy.writeTo(response, token);
            return;
        }
        ResponseCopy rendered = new ResponseCopy(response);
        chain.doFilter(request, rendered);
        String body = rendered.text();
        if (body != null && response.getStatus() == HttpServletResponse.SC_OK) {
            CopiedPage.of(response.getContentType(), response.getCharacterEncoding(), body, token)
                    .ifPresent(page -> copies.put(path, page));
        }
    }

    /** What Faces renders the same for everyone: a plain GET, no query, no Ajax, nobody signed in. */
    static boolean isRenderedTheSameForEveryVisitor(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                && request.getQueryString() == null
                && request.getHeader("Faces-Request") == null
                && request.getRemoteUser() == null;
    }
}
