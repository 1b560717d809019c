package io.gatehouse.metrics;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * The application's one meter registry, in Prometheus' text format, with the JVM's figures from Micrometer's own
 * binders. Ours, not a global one: a redeploy starts from a fresh registry, and nothing of ours leaks into another
 * application on the same server. Which figures and why: docs/decisions/018-metrics.md.
 */
@ApplicationScoped
public class Meters {

    /** Prometheus' text exposition format, as {@link PrometheusMeterRegistry#scrape()} writes it. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    DataSource dataSource;

    private PrometheusMeterRegistry registry;
    private JvmGcMetrics garbageCollection;

    @PostConstruct
    void open() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new PromtoolLint());
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        garbageCollection = new JvmGcMetrics();
        garbageCollection.bindTo(registry);
        if (dataSource instanceof HikariDataSource ownPool) {
            // HikariCP's own Micrometer binding, under its own hikaricp_* names; a server's pool is the server's to show.
            ownPool.setMetricRegistry(registry);
        }
    }

    /** Made at start-up, so the counters read 0 from the first scrape rather than appearing at their first event. */
    void openAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // Observing the event is what creates the bean.
    }

    @Produces
    MeterRegistry registry() {
        return registry;
    }

    String scrape() {
        return registry.scrape();
    }

    @PreDestroy
    void close() {
        garbageCollection.close();
        registry.close();
    }
}
