package io.gatehouse.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopiedPageTest {

    private static final String HTML = "text/html;charset=UTF-8";
    private static final String FIRST = "a".repeat(43);
    private static final String NEXT = "b".repeat(43);

    @Test
    void theNextVisitorGetsThePageWithTheirOwnToken() throws IOException {
        CopiedPage page = CopiedPage.of(HTML, "UTF-8", "<p>é</p><input value=\"" + FIRST + "\"/>", FIRST).orElseThrow();

        Written written = writeFor(page, NEXT);

        assertEquals("<p>é</p><input value=\"" + NEXT + "\"/>", written.text());
        assertEquals(written.bytes.size(), written.contentLength);
        assertEquals(HTML, written.contentType);
    }

    @Test
    void aPageWithoutAFormIsCopiedWhole() throws IOException {
        CopiedPage page = CopiedPage.of(HTML, "UTF-8", "<h1>Home page</h1>", null).orElseThrow();

        assertTrue(page.fits(null));
        assertFalse(page.fits(NEXT), "a visitor with a token needs a page with a form");
        assertEquals("<h1>Home page</h1>", writeFor(page, null).text());
    }

    @Test
    void aPageWithoutItsTokenOrWithItTwiceIsNotCopied() {
        assertTrue(CopiedPage.of(HTML, "UTF-8", "<p>no form</p>", FIRST).isEmpty());
        assertTrue(CopiedPage.of(HTML, "UTF-8", FIRST + "<p>twice</p>" + FIRST, FIRST).isEmpty());
    }

    @Test
    void aPageWithATokenFitsOnlyVisitorsWithOne() {
        CopiedPage page = CopiedPage.of(HTML, "UTF-8", "<input value=\"" + FIRST + "\"/>", FIRST).orElseThrow();

        assertTrue(page.fits(NEXT));
        assertFalse(page.fits(null));
    }

    private static Written writeFor(CopiedPage page, String token) throws IOException {
        Written written = new Written();
        page.writeTo(written.response(), token);
        return written;
    }

    /** What a page wrote: the response is a proxy that records the three calls writeTo makes. */
    private static final class Written {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String contentType;
        int contentLength = -1;

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse response() {
            // As the container's: closed once Content-Length bytes are written, and then refusing any write.
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int offset, int length) throws IOException {
                    if (bytes.size() == contentLength) {
                        throw new IOException("The response may not be written to once it has been closed");
                    }
                    bytes.write(b, offset, length);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "setContentType" -> {
                            contentType = (String) args[0];
                            yield null;
                        }
                        case "setContentLength" -> {
                            contentLength = (Integer) args[0];
                            yield null;
                        }
                        case "getOutputStream" -> out;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
