package io.gatehouse.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One configuration value, read the same way by the launcher and by the WAR in any server:
 * the system property {@code gatehouse.db.url} wins over the environment variable {@code GATEHOUSE_DB_URL}.
 * The typed readers refuse a bad value with {@link InvalidSetting}, whose message is the one line an operator needs.
 */
public record Setting(String name) {

    public Optional<String> value() {
        String property = System.getProperty(property());
        if (property != null && !property.isBlank()) {
            return Optional.of(property);
        }
        return Optional.ofNullable(System.getenv(variable())).filter(value -> !value.isBlank());
    }

    /** The environment variable's name, for messages that tell an operator what to change. */
    public String variable() {
        return "GATEHOUSE_" + name.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    public String property() {
        return "gatehouse." + name;
    }

    public String valueOr(String fallback) {
        return value().orElse(fallback);
    }

    public Optional<Integer> port() {
        return parsed("a port number from 1 to 65535", raw -> {
            int port = Integer.parseInt(raw.strip());
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException();
            }
            return port;
        });
    }

    /** An ISO-8601 duration longer than zero: PT30S, PT15M, PT8H. */
    public Optional<Duration> duration() {
        return parsed("a positive ISO-8601 duration such as PT30S, PT15M or PT8H", raw -> {
            Duration duration = Duration.parse(raw.strip());
            if (duration.isNegative() || duration.isZero()) {
                throw new DateTimeParseException("not positive", raw, 0);
            }
            return duration;
        });
    }

    public Optional<Pattern> pattern() {
        return parsed("a Java regular expression", Pattern::compile);
    }

    public Optional<Boolean> flag() {
        return parsed("true or false", raw -> switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        });
    }

    /** The value if {@code parse} accepts it; otherwise the start stops, saying {@code allowed}. */
    public <T> Optional<T> parsed(String allowed, Function<String, T> parse) {
        return value().map(raw -> {
            try {
                return parse.apply(raw);
            } catch (RuntimeException notAllowed) {
                throw new InvalidSetting(this, raw, allowed);
            }
        });
    }
}
