package io.gatehouse.metrics;

import io.gatehouse.config.Setting;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} on a server other than the launcher: only with {@code Authorization: Bearer
 * GATEHOUSE_METRICS_TOKEN}. A caller's address proves nothing behind a local proxy, so the token is the only proof.
 * Without the setting, or with another token, the answer is the same plain 404 as for any unknown path. Under the
 * launcher, which serves metrics on a listener of its own, the application's port never serves them.
 */
@WebServlet(urlPatterns = "/metrics", loadOnStartup = 1)
public class MetricsServlet extends HttpServlet {

    static final Setting TOKEN = new Setting("metrics.token");

    /** A context parameter the launcher sets: metrics are its own listener's, never the application port's. */
    public static final String LAUNCHER_SERVES_METRICS = "io.gatehouse.metrics.launcher";

    /** The launcher's listener reads the text through this context attribute: a JDK type, seen by both class loaders. */
    public static final String SCRAPE = "io.gatehouse.metrics.scrape";

    @Inject
    Meters meters;

    @Override
    public void init() {
        Supplier<String> scrape = meters::scrape;
        getServletContext().setAttribute(SCRAPE, scrape);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!mayRead(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(Meters.CONTENT_TYPE);
        response.getWriter().write(meters.scrape());
    }

    private boolean mayRead(HttpServletRequest request) {
        Optional<String> token = TOKEN.value();
        String presented = request.getHeader("Authorization");
        if (token.isEmpty() || presented == null || getServletContext().getInitParameter(LAUNCHER_SERVES_METRICS) != null) {
            return false;
        }
        // Compared in constant time: the answer's timing must not spell the token out.
        return MessageDigest.isEqual(("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
