package io.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A browser without a screen: one cookie jar, redirects not followed unless asked, so that tests can see every
 * 303. Each response is handed to a listener, which shows the last one when a test fails.
 */
public class WebClient {

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final Consumer<Page> onResponse;
    private String userAgent;

    public WebClient(URI base, Consumer<Page> onResponse) {
        this.base = base;
        this.onResponse = onResponse;
        this.http = HttpClient.newBuilder()
                // As a browser over plain HTTP: HTTP/1.1. Java's client would otherwise ask for h2c, which Payara
                // grants, and Payara drops an h2c connection instead of sending the 413 for a 1 MB sign-in form.
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public Page get(String path) {
        return send(request(path).GET().build());
    }

    public Page post(String path, Map<String, String> form) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build());
    }

    public Page send(HttpRequest.Builder request) {
        return send(request.build());
    }

    public HttpRequest.Builder request(String path) {
        return withUserAgent(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)));
    }

    private HttpRequest.Builder withUserAgent(HttpRequest.Builder request) {
        return userAgent == null ? request : request.header("User-Agent", userAgent);
    }

    /** Sends this User-Agent from now on, as a given browser would; until then, Java's own. */
    public WebClient as(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    /** Follows 3xx answers with GET, as a browser does after a POST, and returns the page it ends on. */
    public Page follow(Page page) {
        Page current = page;
        for (int hops = 0; current.status() / 100 == 3; hops++) {
            if (hops == 10) {
                throw new AssertionError("redirect loop from " + page.uri());
            }
            current = send(withUserAgent(HttpRequest.newBuilder(current.uri().resolve(current.location()))).GET().build());
        }
        return current;
    }

    /** Registers through the real sign-up form, and returns the form's answer (303 on success). */
    public Page signUp(String username, String password) {
        return signUp(username, password, password);
    }

    public Page signUp(String username, String password, String confirmation) {
        return submitSignUp(Map.of("username", username, "password", password, "confirmation", confirmation));
    }

    /**
     * Posts the sign-up form as its own button would, with the ViewState and token of a freshly fetched form;
     * {@code fields} may leave fields out, or override any of them, the ViewState and token included.
     */
    public Page submitSignUp(Map<String, String> fields) {
        return post("register", signUpForm(fields));
    }

    /** The sign-up form's fields as its own button posts them from a freshly fetched page, {@code fields} on top. */
    public Map<String, String> signUpForm(Map<String, String> fields) {
        Page page = get("register");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("register", "register");
        form.put("signUp", "Sign up");
        form.put("jakarta.faces.ViewState", page.viewState());
        form.put("csrf_token", page.formToken());
        form.putAll(fields);
        return form;
    }

    /** Signs in through the Servlet FORM login, as its page does, and returns j_security_check's answer. */
    public Page signIn(String username, String password) {
        return submitSignIn("j_security_check", Map.of("j_username", username, "j_password", password));
    }

    /** Signs in with "Keep me signed in on this device" ticked; the answer sets the remember-me cookie. */
    public Page signInAndRemember(String username, String password) {
        return submitSignIn("j_security_check", Map.of("j_username", username, "j_password", password, "remember", "yes"));
    }

    /** Posts {@code fields} to {@code target} with the token of a freshly fetched sign-in page. */
    public Page submitSignIn(String target, Map<String, String> fields) {
        return post(target, signInForm(fields));
    }

    /** {@code fields} with the token of a freshly fetched sign-in page, as its form posts them. */
    public Map<String, String> signInForm(Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf_token", get("login").formToken());
        form.putAll(fields);
        return form;
    }

    public Optional<String> sessionId() {
        return cookie("JSESSIONID");
    }

    /** The value this client's jar holds for a cookie, as the browser would send it next. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** Puts a session cookie in the jar by hand, as a copied or stolen cookie would be. */
    public void useSessionId(String id) {
        useCookie("JSESSIONID", id);
    }

    /**
     * Puts {@code other}'s session cookies in this jar, as a browser that a balancer moves to another node sends
     * them: the session id, and Payara's JSESSIONIDVERSION where its session replication set one (without it,
     * Payara 6 did not look for the session in its data grid).
     */
    public void useSessionOf(WebClient other) {
        useSessionId(other.sessionId().orElseThrow());
        other.cookie("JSESSIONIDVERSION").ifPresent(version -> useCookie("JSESSIONIDVERSION", version));
    }

    /** Puts a cookie in the jar by hand, as a copied or stolen cookie would be. */
    public void useCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    /** Drops a cookie from the jar, as a browser does with the session cookie when it is closed. */
    public void dropCookie(String name) {
        cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .toList()
                .forEach(cookie -> cookies.getCookieStore().remove(null, cookie));
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Page page = new Page(request.method(), request.uri(), response.statusCode(), response.headers(), response.body());
            onResponse.accept(page);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form as a browser posts it: application/x-www-form-urlencoded, UTF-8. */
    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
