package io.gatehouse.testing;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One HTTP response, as a test reads it. */
public record Page(String method, URI uri, int status, HttpHeaders headers, String body) {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf_token\" value=\"([^\"]*)\"");

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String location() {
        return header("Location");
    }

    public String contentType() {
        return header("Content-Type");
    }

    public String viewState() {
        return found(VIEW_STATE, "Faces ViewState");
    }

    /** The anti-CSRF token in the page's form. */
    public String formToken() {
        return found(FORM_TOKEN, "form token");
    }

    private String found(Pattern pattern, String what) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no " + what + " on " + uri);
        }
        return matcher.group(1);
    }

    /** The last Set-Cookie for this name: the one a browser ends up keeping. */
    public Optional<String> cookie(String name) {
        return headers.allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "=")).reduce((first, last) -> last);
    }

    /** The attributes of {@link #cookie}, as "httponly", "samesite=lax", "path=/": lower case, spaces dropped. */
    public Set<String> cookieAttributes(String name) {
        return cookie(name).stream()
                .flatMap(cookie -> Arrays.stream(cookie.split(";")).skip(1))
                .map(attribute -> attribute.strip().replace(" ", "").toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(method + " " + uri + " -> " + status + "\n");
        headers.map().forEach((name, values) -> values.forEach(value -> text.append(name).append(": ").append(value).append('\n')));
        String shown = body.length() > 4_000 ? body.substring(0, 4_000) + "\n[... " + body.length() + " chars]" : body;
        return text.append('\n').append(shown).toString();
    }
}
