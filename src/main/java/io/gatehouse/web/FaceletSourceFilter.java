package io.gatehouse.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Pages live at their extensionless URLs only (/profile, not /profile.xhtml). Any *.xhtml request answers 404,
 * so each page has exactly one URL for web.xml's security constraints to guard, and no source is ever served.
 */
public class FaceletSourceFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
