package io.gatehouse.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** A server started as a process of its own, which the tests may use once its home page answers 200. */
public final class ServerProcess {

    private ServerProcess() {
    }

    /** @return how long the server took, from {@code started}, to answer 200 on {@code root} */
    public static Duration awaitOk(Process server, URI root, Instant started, String whereItLogs)
            throws InterruptedException {
        return awaitOk(server, root, started, whereItLogs, Duration.ofSeconds(120));
    }

    /** As above, for a server that may take longer than 120 s: one joining a cluster on a loaded machine. */
    public static Duration awaitOk(Process server, URI root, Instant started, String whereItLogs, Duration within)
            throws InterruptedException {
        // HTTP/1.1, as a balancer's health check asks: the default client offers an upgrade to h2c, which Payara
        // Micro accepts while it deploys and then drops with a GOAWAY.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant deadline = started.plus(within);
        IOException lastFailure = null;
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.exitValue() + "; see " + whereItLogs);
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(root).timeout(Duration.ofSeconds(10)).build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(started, Instant.now());
                }
            } catch (IOException notServingYet) {
                // Still starting: the port may be bound well before the application is deployed, and a connection
                // may be dropped while it deploys.
                lastFailure = notServingYet;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no 200 from " + root + " within " + within.toSeconds() + " s (last: " + lastFailure
                + "); see " + whereItLogs);
    }
}
