package io.gatehouse.server;

import io.gatehouse.web.SecurityHeaders;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * The errors Tomcat answers itself, before the WAR sees the request (a malformed URL, a bad header): the same
 * plain text and the same security headers as the WAR's own error pages, and no report, trace or version.
 * The host creates it by name, as its error report valve class, for the requests no application maps.
 */
public final class PlainErrorReportValve extends ErrorReportValve {

    private static final StringManager REASONS = StringManager.getManager(ErrorReportValve.class.getPackageName(),
            Locale.ENGLISH);

    public PlainErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            SecurityHeaders.addTo(request, response);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/plain;charset=UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(REASONS.getString("http." + status + ".reason"));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGoneOrCommitted) {
            // Nothing more to say.
        }
    }
}
