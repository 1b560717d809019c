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
        return Optional.ofNullable(System.getenv(variable())).filter(value -> !value.isBlank());
    }

    /** The environment variable's name, for messages that tell an operator what to change. */
    public String variable() {
        return "GATEHOUSE_" + name.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    public String valueOr(String fallback) {
        return value().orElse(fallback);
    }
}
