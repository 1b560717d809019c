package io.gatehouse.testing;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One HTTP response, as a test reads it. */
public record Page(String method, URI uri, int status, HttpHeaders headers, String body) {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");

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
        Matcher matcher = VIEW_STATE.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no Faces ViewState on " + uri);
        }
        return matcher.group(1);
    }

    public Optional<String> cookie(String name) {
        return headers.allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "=")).findFirst();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(method + " " + uri + " -> " + status + "\n");
        headers.map().forEach((name, values) -> values.forEach(value -> text.append(name).append(": ").append(value).append('\n')));
        String shown = body.length() > 4_000 ? body.substring(0, 4_000) + "\n[... " + body.length() + " chars]" : body;
        return text.append('\n').append(shown).toString();
    }
}
