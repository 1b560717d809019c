package io.gatehouse.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer carries, whoever writes it: {@link SecurityHeadersFilter} for the application, the
 * sign-in mechanism for the answers it gives before any filter runs, and the launcher's error valve for the
 * connector's own errors. Scripts and styles come from our own files only, and no other site may frame a page.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** Full addresses stay on this site; other sites learn nothing, not even our origin. */
    public static final String REFERRER_POLICY = "same-origin";
    /** One year, as browsers' HSTS preload lists ask; sent only over TLS, where it means something. */
    public static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    private SecurityHeaders() {
    }

    public static void addTo(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }

    /** An answer without a body of its own (a redirect, an OPTIONS) still names its type and charset. */
    public static void defaultContentType(HttpServletResponse response) {
        if (response.getContentType() == null) {
            response.setContentType("text/plain;charset=UTF-8");
        }
    }
}
