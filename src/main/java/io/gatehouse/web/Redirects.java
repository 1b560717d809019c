package io.gatehouse.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** 303 See Other: after a POST the browser fetches the next page with GET, and Back never resubmits. */
public final class Redirects {

    private Redirects() {
    }

    /** @param path a path inside the application, starting with "/" */
    public static void seeOther(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        SecurityHeaders.defaultContentType(response);
        response.setHeader("Location", request.getContextPath() + path);
    }
}
