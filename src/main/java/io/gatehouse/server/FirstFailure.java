package io.gatehouse.server;

import java.util.Optional;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The first SEVERE event logged while Tomcat starts the WAR. Tomcat only reports that the application failed;
 * the reason was logged earlier, by whoever caught it, and the launcher's last line repeats it.
 */
final class FirstFailure extends Handler implements AutoCloseable {

    private static final Formatter FORMAT = new OneLineLog();

    private volatile String reason;

    static FirstFailure listen() {
        FirstFailure failure = new FirstFailure();
        failure.setLevel(Level.SEVERE);
        Logger.getLogger("").addHandler(failure);
        return failure;
    }

    Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (reason == null && isLoggable(record)) {
            reason = record.getThrown() != null ? OneLineLog.reason(record.getThrown()) : FORMAT.formatMessage(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
