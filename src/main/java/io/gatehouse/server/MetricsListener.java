package io.gatehouse.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.catalina.Context;

/**
 * {@code GET /metrics} on GATEHOUSE_METRICS_ADDRESS:GATEHOUSE_METRICS_PORT, and nothing else there: the JDK's own
 * small HTTP server, not a second Connector on the application's Service, which would serve the whole application
 * on that port too. The text comes from the WAR's registry, handed over as a context attribute.
 */
final class MetricsListener {

    /** io.gatehouse.metrics.MetricsServlet's names, spelled out: the WAR's classes are not the launcher's. */
    static final String SCRAPE = "io.gatehouse.metrics.scrape";
    static final String LAUNCHER_SERVES_METRICS = "io.gatehouse.metrics.launcher";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    /** Binds at once, so that a taken port stops the start before Tomcat does anything. */
    MetricsListener(String address, int port) throws CannotStart {
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException e) {
            throw new CannotStart("cannot listen on " + address + ":" + port
                    + " (GATEHOUSE_METRICS_ADDRESS, GATEHOUSE_METRICS_PORT): " + e.getMessage());
        }
    }

    /** Tells the WAR that its own port must not serve metrics, whether or not this listener is on. */
    static void keepOffTheApplicationPort(Context webapp) {
        webapp.addParameter(LAUNCHER_SERVES_METRICS, "true");
    }

    void serve(Context webapp) {
        server.createContext("/", exchange -> {
            try (exchange) {
                Object scrape = webapp.getServletContext().getAttribute(SCRAPE);
                if ("/metrics".equals(exchange.getRequestURI().getPath()) && "GET".equals(exchange.getRequestMethod())
                        && scrape instanceof Supplier<?> text) {
                    send(exchange, 200, CONTENT_TYPE, String.valueOf(text.get()));
                } else {
                    send(exchange, 404, "text/plain;charset=UTF-8", "Not Found");
                }
            }
        });
        server.start();
    }

    void stop() {
        server.stop(0);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
