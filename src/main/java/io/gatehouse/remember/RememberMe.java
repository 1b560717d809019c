package io.gatehouse.remember;

import io.gatehouse.config.Setting;
import io.gatehouse.history.EventKind;
import io.gatehouse.history.RecordedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * "Keep me signed in on this device", for the sign-in mechanism to call (docs/decisions/016): the cookie is set when
 * the box is ticked, read only when there is no signed-in session, and rotated on every use.
 */
@ApplicationScoped
public class RememberMe {

    static final String COOKIE = "gatehouse-remember";
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);
    /** The token this request holds now, after a rotation: what /logout must end, not the one the browser sent. */
    private static final String CURRENT_TOKEN = RememberMe.class.getName() + ".token";

    private final Duration lifetime = new Setting("remember.me.ttl").duration().orElse(DEFAULT_LIFETIME);

    @Inject
    RememberedDevices devices;

    @Inject
    RecordedEvents history;

    /** The sign-in form asked to keep this device signed in. */
    public static boolean isAsked(HttpServletRequest request) {
        return request.getParameter("remember") != null;
    }

    public void remember(HttpServletRequest request, HttpServletResponse response, String username) {
        response.addCookie(cookie(request, devices.issue(username, lifetime, client(request)), lifetime));
    }

    /** The caller this device's cookie names, its token rotated; empty (and the cookie dropped) if it counts no more. */
    public Optional<String> signInFrom(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> token = sent(request);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<RememberedDevices.Used> used = devices.use(token.get(), lifetime, client(request));
        if (used.isEmpty()) {
            response.addCookie(cookie(request, "", Duration.ZERO));
            return Optional.empty();
        }
        request.setAttribute(CURRENT_TOKEN, used.get().newToken());
        response.addCookie(cookie(request, used.get().newToken(), lifetime));
        history.record(request, used.get().username(), EventKind.REMEMBERED_DEVICE_USED);
        return Optional.of(used.get().username());
    }

    /** This device signs out: its token ends and the browser drops the cookie. */
    public void forget(HttpServletRequest request, HttpServletResponse response) {
        Object rotated = request.getAttribute(CURRENT_TOKEN);
        Optional<String> token = rotated instanceof String current ? Optional.of(current) : sent(request);
        if (token.isPresent()) {
            devices.end(token.get());
            response.addCookie(cookie(request, "", Duration.ZERO));
        }
    }

    public void forgetAllOf(String username) {
        devices.endAllOf(username);
    }

    private static RememberedDevices.Client client(HttpServletRequest request) {
        return new RememberedDevices.Client(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    private static Optional<String> sent(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty())
                .map(Cookie::getValue)
                .findFirst();
    }

    /** Sent only to this site's own pages (Lax), never to scripts, and over TLS only when the request came that way. */
    private static Cookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath("/");
        cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()));
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
