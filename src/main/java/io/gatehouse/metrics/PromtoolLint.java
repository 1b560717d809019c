package io.gatehouse.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Set;

/**
 * What {@code promtool check metrics} refuses, kept out of the registry: two of Micrometer's processor figures whose
 * names break Prometheus' conventions ({@code system_cpu_count}, {@code process_cpu_time_ns_total}; the CPU usage
 * figures stay), and meters that come without help text (Tomcat's), which get their name as their help.
 */
final class PromtoolLint implements MeterFilter {

    private static final Set<String> REFUSED = Set.of("system.cpu.count", "process.cpu.time");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return REFUSED.contains(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        if (id.getDescription() != null && !id.getDescription().isBlank()) {
            return id;
        }
        return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), id.getName(), id.getType());
    }
}
