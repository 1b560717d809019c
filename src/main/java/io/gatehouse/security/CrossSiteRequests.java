package io.gatehouse.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request was started by another site, as the browser tells it: {@code Sec-Fetch-Site: cross-site}, or
 * an {@code Origin} other than our own. A client that sends neither (curl, an old browser, a test) is not
 * cross-site; browsers that could be tricked into a forged request send at least one of them on a POST.
 * See docs/decisions/006-cross-site-requests.md.
 */
public final class CrossSiteRequests {

    private CrossSiteRequests() {
    }

    public static boolean isCrossSite(HttpServletRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !origin.equalsIgnoreCase(ownOrigin(request));
    }

    /** scheme://host[:port] as the browser writes it, the default port left out; behind a proxy, as it forwarded. */
    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
