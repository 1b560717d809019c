package io.gatehouse.tomcat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.tomcat.TomcatMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Tomcat's request figures (requests, errors, time, threads, from its JMX beans) beside ours, through Micrometer's
 * own binder. Here because only Tomcat has them: the Payara WAR leaves this package out.
 */
@ApplicationScoped
public class TomcatRequestMeters {

    @Inject
    MeterRegistry registry;

    private TomcatMetrics tomcat;

    void bindAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // No session manager: the live sessions are counted the same way on every server (io.gatehouse.metrics).
        tomcat = new TomcatMetrics(null, Tags.empty());
        tomcat.bindTo(registry);
    }

    @PreDestroy
    void close() {
        if (tomcat != null) {
            tomcat.close();
        }
    }
}
