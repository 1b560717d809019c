package io.gatehouse.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * The launcher's log: one line per event, {@code time LEVEL Logger message}, with the logger's short name. A
 * throwable adds its root cause to the same line, not a stack trace: the operator needs the reason, and a developer
 * who needs the trace reproduces it under a debugger.
 */
public final class OneLineLog extends Formatter {

    /** Made by name from logging.properties beside this class, as the console handler's formatter. */
    public OneLineLog() {
    }

    /**
     * Tomcat's log manager reads its configuration from a file, as standalone Tomcat's conf/logging.properties:
     * this copies ours beside the launcher's other temporary files, before the first logger is made.
     */
    static void configure(Path directory) throws IOException {
        Path config = directory.resolve("logging.properties");
        try (InputStream ours = OneLineLog.class.getResourceAsStream("logging.properties")) {
            Files.copy(ours, config);
        }
        System.setProperty("java.util.logging.config.file", config.toString());
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder()
                .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                .append(record.getLevel().getName()).append(' ')
                .append(shortName(record.getLoggerName())).append(' ')
                .append(formatMessage(record));
        if (record.getThrown() != null) {
            line.append(": ").append(reason(record.getThrown()));
        }
        return line.toString().replaceAll("\\R", " ") + System.lineSeparator();
    }

    /** The innermost cause, which says what went wrong; the outer ones say where it was caught. */
    static String reason(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getName();
    }

    private static String shortName(String logger) {
        if (logger == null || logger.isEmpty()) {
            return "root";
        }
        return logger.substring(logger.lastIndexOf('.') + 1);
    }
}
