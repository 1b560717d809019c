package io.gatehouse.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The page a visitor asked for before being sent to sign in, kept in their session so that signing in
 * takes them there. Only a path inside this application is ever kept, so it can never redirect elsewhere.
 */
final class SignInTarget {

    private static final String ATTRIBUTE = SignInTarget.class.getName();

    private SignInTarget() {
    }

    static void remember(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            path += "?" + request.getQueryString();
        }
        if (isLocalPath(path)) {
            request.getSession().setAttribute(ATTRIBUTE, path);
        }
    }

    static String take(HttpServletRequest request, String fallback) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String path)) {
            return fallback;
        }
        session.removeAttribute(ATTRIBUTE);
        return path;
    }

    /** "/profile" yes; "//evil.example", "/\evil.example" and anything with control characters, no. */
    static boolean isLocalPath(String path) {
        return path.startsWith("/")
                && !path.startsWith("//")
                && !path.startsWith("/\\")
                && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
