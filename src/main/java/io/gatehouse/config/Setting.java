package io.gatehouse.config;

import java.util.Locale;
import java.util.Optional;

/**
 * One configuration value, read the same way by the launcher and by the WAR in any server:
 * the system property {@code gatehouse.db.url} wins over the environment variable {@code GATEHOUSE_DB_URL}.
 */
public record Setting(String name) {

    public Optional<String> value() {
        String property = System.getProperty("gatehouse." + name);
        if (property != null && !property.isBlank()) {
            return Optional.of(property);
        }
        String variable = System.getenv("GATEHOUSE_" + name.replace('.', '_').toUpperCase(Locale.ROOT));
        return Optional.ofNullable(variable).filter(value -> !value.isBlank());
    }

    public String valueOr(String fallback) {
        return value().orElse(fallback);
    }
}
