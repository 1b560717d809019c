package io.gatehouse.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Lets a response through unchanged and keeps a copy of the text written to it. A response written some other way,
 * or reset on the way, has no copy.
 */
final class ResponseCopy extends HttpServletResponseWrapper {

    private final CharArrayWriter copy = new CharArrayWriter();
    private PrintWriter writer;
    private boolean whole = true;

    ResponseCopy(HttpServletResponse response) {
        super(response);
    }

    /** The text of the body as the client received it, or null if this copy is not all of it. */
    String text() {
        return whole && writer != null ? copy.toString() : null;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new Tee(super.getWriter()));
        }
        return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        whole = false;
        return super.getOutputStream();
    }

    @Override
    public void reset() {
        whole = false;
        super.reset();
    }

    @Override
    public void resetBuffer() {
        whole = false;
        super.resetBuffer();
    }

    private final class Tee extends Writer {

        private final Writer out;

        Tee(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            out.write(chars, offset, length);
            copy.write(chars, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
