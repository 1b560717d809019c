package io.gatehouse.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * HTTP/1.1 written byte by byte, for what a well-behaved client refuses to send (a raw NUL, a bare CR, an
 * overlong request line) and for a client from another loopback address (127.0.0.2, 127.0.0.3, ...), which is how
 * the tests stand in for visitors from different networks.
 */
public final class RawHttp {

    private final URI base;
    private final String fromAddress;
    private final Consumer<Page> onResponse;

    public RawHttp(URI base, String fromAddress, Consumer<Page> onResponse) {
        this.base = base;
        this.fromAddress = fromAddress;
        this.onResponse = onResponse;
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}, then reads to EOF. */
    public Page send(String head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            String message = head + "\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
            socket.getOutputStream().write(message.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            Page page = parse(head, socket.getInputStream());
            onResponse.accept(page);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(head.lines().findFirst().orElse(head), e);
        }
    }

    public Page get(String target) {
        return send("GET " + target + " HTTP/1.1", new byte[0]);
    }

    public Page postForm(String target, String form, String... headers) {
        String head = "POST " + target + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded"
                + (headers.length == 0 ? "" : "\r\n" + String.join("\r\n", headers));
        return send(head, form.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Posts {@code form} to {@code target} as the page at {@code formPage} would: fetched from the same address
     * first, with the anti-CSRF cookie and field it hands out.
     */
    public Page postFromPage(String formPage, String target, String form, String... headers) {
        Page page = get(formPage);
        String token = page.cookie("gatehouse-csrf")
                .orElseThrow(() -> new AssertionError("no form token cookie from " + formPage)).split(";", 2)[0];
        List<String> withToken = new ArrayList<>(List.of(headers));
        withToken.replaceAll(header -> header.startsWith("Cookie: ") ? header + "; " + token : header);
        if (withToken.stream().noneMatch(header -> header.startsWith("Cookie: "))) {
            withToken.add("Cookie: " + token);
        }
        return postForm(target, "csrf_token=" + page.formToken() + "&" + form, withToken.toArray(String[]::new));
    }

    private Page parse(String head, InputStream in) throws IOException {
        String requestLine = head.lines().findFirst().orElse(head);
        byte[] bytes = in.readAllBytes();
        // Byte for byte, so that the positions found in the text are positions in the bytes.
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String headerBlock = end < 0 ? text : text.substring(0, end);
        byte[] body = end < 0 ? new byte[0] : Arrays.copyOfRange(bytes, end + 4, bytes.length);
        String[] lines = headerBlock.split("\r\n");
        int status = lines[0].startsWith("HTTP/1.1 ") ? Integer.parseInt(lines[0].substring(9, 12)) : -1;
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            body = unchunked(body);
        }
        return new Page(requestLine, base, status, HttpHeaders.of(headers, (name, value) -> true),
                new String(body, StandardCharsets.UTF_8));
    }

    /** A chunked body (Payara's Grizzly sends even short error pages so), as the bytes it carries. */
    private static byte[] unchunked(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            String size = text.substring(at, lineEnd).split(";", 2)[0].trim();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            int from = lineEnd + 2;
            body.write(chunked, from, Math.min(length, chunked.length - from));
            at = from + length + 2;
        }
        return body.toByteArray();
    }
}
