package io.gatehouse.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * A page as Faces rendered it for one visitor, in bytes ready to send, with a gap where that visitor's form token
 * was (or none, for a page without a form).
 */
final class CopiedPage {

    private final String contentType;
    private final Charset charset;
    private final byte[] beforeToken;
    private final byte[] afterToken;
    private final boolean hasToken;

    private CopiedPage(String contentType, Charset charset, byte[] beforeToken, byte[] afterToken, boolean hasToken) {
        this.contentType = contentType;
        this.charset = charset;
        this.beforeToken = beforeToken;
        this.afterToken = afterToken;
        this.hasToken = hasToken;
    }

    /**
     * The page {@code body}, rendered with {@code token} (null for a page without a form); empty when the token is
     * not in it exactly once, since then there is no one place to put the next visitor's.
     */
    static Optional<CopiedPage> of(String contentType, String encoding, String body, String token) {
        Charset charset = Charset.forName(encoding);
        if (token == null) {
            return Optional.of(new CopiedPage(contentType, charset, body.getBytes(charset), new byte[0], false));
        }
        int at = body.indexOf(token);
        if (at < 0 || at != body.lastIndexOf(token)) {
            return Optional.empty();
        }
        return Optional.of(new CopiedPage(contentType, charset, body.substring(0, at).getBytes(charset),
                body.substring(at + token.length()).getBytes(charset), true));
    }

    /** Whether this copy can be the page for a visitor with this token (null: none). */
    boolean fits(String token) {
        return hasToken == (token != null);
    }

    void writeTo(HttpServletResponse response, String token) throws IOException {
        byte[] tokenBytes = hasToken ? token.getBytes(charset) : new byte[0];
        response.setContentType(contentType);
        response.setContentLength(beforeToken.length + tokenBytes.length + afterToken.length);
        ServletOutputStream out = response.getOutputStream();
        // Once the Content-Length is written the container closes the response, and refuses even an empty write.
        for (byte[] part : new byte[][] {beforeToken, tokenBytes, afterToken}) {
            if (part.length > 0) {
                out.write(part);
            }
        }
    }
}
