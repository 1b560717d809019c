package io.gatehouse.metrics;

import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.Page;
import io.gatehouse.testing.Scrape;
import io.gatehouse.testing.WebClient;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metrics are never public: in a WAR on any server, {@code /metrics} answers only the bearer token of
 * GATEHOUSE_METRICS_TOKEN, and the server's own metrics and OpenAPI endpoints (Payara's MicroProfile ones) are off.
 * Everyone else gets the same plain 404 as for any unknown path.
 */
class MetricsSecurityIT extends GatehouseIT {

    /**
     * The token the standalone Tomcats' stories give the WAR (pom.xml). The launcher keeps /metrics off the
     * application's port whatever the token (LauncherIT reads its own listener); Payara's stories give none.
     */
    private static final String TOKEN = System.getProperty("gatehouse.metrics.token");

    @Test
    void metricsAndTheServersOwnEndpointsAreThePlain404WithoutTheToken() {
        WebClient anyone = visitor();
        for (String path : List.of("metrics", "metrics/base", "metrics/application", "metrics/vendor", "openapi",
                "openapi/", "health/live", "health/ready")) {
            assertPlainNotFound(anyone.get(path), path);
            assertPlainNotFound(anyone.send(anyone.request(path).header("Authorization", "Bearer wrong")), path);
        }
    }

    @Test
    void aWrongTokenIsThePlain404() {
        WebClient prometheus = visitor();
        for (String presented : List.of("Bearer wrong", "Bearer ", "Basic " + TOKEN, "bearer " + TOKEN, TOKEN + "")) {
            assertPlainNotFound(prometheus.send(prometheus.request("metrics").header("Authorization", presented)), presented);
        }
    }

    @Test
    void theTokenReadsMetricsThatPromtoolAccepts() throws Exception {
        Assumptions.assumeTrue(TOKEN != null, "this runtime's stories give the WAR no metrics token");
        WebClient prometheus = visitor();

        Page metrics = prometheus.send(prometheus.request("metrics").header("Authorization", "Bearer " + TOKEN));

        assertEquals(200, metrics.status());
        assertTrue(metrics.contentType().replace(" ", "").startsWith("text/plain;version=0.0.4"), metrics.contentType());
        Scrape scrape = new Scrape(metrics.body());
        assertTrue(scrape.value("gatehouse_sign_ins_total{outcome=\"ok\"}") >= 0);
        assertTrue(scrape.text().contains("\njvm_memory_used_bytes{"), "the JVM's figures");
        assertEquals("", scrape.promtoolFindings());
    }

    private static void assertPlainNotFound(Page page, String path) {
        assertEquals(404, page.status(), path);
        assertEquals("Not Found", page.body(), path);
        assertTrue(page.contentType().startsWith("text/plain"), path + ": " + page.contentType());
    }
}
