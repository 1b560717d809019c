package io.gatehouse.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The anti-CSRF token of the forms a visitor fills in before they have a session (sign-in, sign-up): a random
 * value in a cookie that only our pages can read back into the form, so a form posted from anywhere else comes
 * without it (docs/decisions/008-form-token.md). Over TLS the cookie is {@code __Host-}, so that a neighbouring
 * subdomain cannot plant its own.
 */
public final class FormToken {

    /** The hidden field's name. */
    public static final String FIELD = "csrf_token";
    /** The request attribute our form pages read the token from. */
    public static final String ATTRIBUTE = "formToken";

    private static final String COOKIE = "gatehouse-csrf";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private FormToken() {
    }

    /** The visitor's token, made and handed to their browser if they have none yet. */
    public static String issue(HttpServletRequest request, HttpServletResponse response) {
        String token = fromCookie(request);
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            response.addCookie(cookie(request, token));
        }
        return token;
    }

    /** Whether the form posted carries the same token as the browser's cookie. */
    public static boolean isPosted(HttpServletRequest request) {
        String expected = fromCookie(request);
        String posted = request.getParameter(FIELD);
        return expected != null && posted != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), posted.getBytes(StandardCharsets.US_ASCII));
    }

    private static String fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        String name = cookieName(request);
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && WELL_FORMED.matcher(cookie.getValue()).matches()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static Cookie cookie(HttpServletRequest request, String token) {
        Cookie cookie = new Cookie(cookieName(request), token);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        // Strict: not even a link from another site carries it; the form page issues one if it is missing.
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }

    private static String cookieName(HttpServletRequest request) {
        return request.isSecure() ? "__Host-" + COOKIE : COOKIE;
    }
}
