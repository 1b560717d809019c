package io.gatehouse.security;

import io.gatehouse.account.PasswordChanged;
import io.gatehouse.account.SignedUp;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One JSON line per security event, on the server's standard error (catalina.out, the launcher's log):
 * <pre>{"time":"2026-11-26T10:15:30.123Z","event":"sign-in.failure","user":"alice","ip":"203.0.113.7","session":"3f1c9a0b7e2d4c61"}</pre>
 * {@code session} is a SHA-256 of the session id with a salt drawn at start-up: it ties one session's events
 * together without ever writing the id itself. No password is ever handed to this class.
 */
@ApplicationScoped
public class SecurityLog {

    static final String LOGGER = "io.gatehouse.security.events";
    private static final int LONGEST_NAME = 64;

    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    private final Logger log = Logger.getLogger(LOGGER);
    private final byte[] salt = new byte[16];
    private Handler oneLine;

    @Inject
    HttpServletRequest currentRequest;

    @Inject
    Event<SecurityEvent> events;

    @PostConstruct
    void open() {
        new SecureRandom().nextBytes(salt);
        oneLine = new ConsoleHandler();
        oneLine.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + System.lineSeparator();
            }
        });
        log.addHandler(oneLine);
        log.setUseParentHandlers(false);
    }

    @PreDestroy
    void close() {
        log.removeHandler(oneLine);
        oneLine.close();
    }

    public void signInSucceeded(HttpServletRequest request, String user) {
        write("sign-in.success", request, user);
    }

    public void signInFailed(HttpServletRequest request, String user) {
        write("sign-in.failure", request, user);
    }

    public void signInThrottled(HttpServletRequest request, String user) {
        write("sign-in.throttled", request, user);
    }

    /** Every hashing slot stayed taken for the longest wait: the sign-in got a 503 without being checked. */
    public void signInTooBusy(HttpServletRequest request, String user) {
        write("sign-in.too-busy", request, user);
    }

    public void signInRemembered(HttpServletRequest request, String user) {
        write("sign-in.remembered", request, user);
    }

    public void signedOut(HttpServletRequest request, String user) {
        write("sign-out", request, user);
    }

    public void sessionEndedElsewhere(HttpServletRequest request, String user) {
        write("session.ended-elsewhere", request, user);
    }

    public void signedOutEverywhere(HttpServletRequest request, String user) {
        write("sign-out.everywhere", request, user);
    }

    void passwordChanged(@Observes PasswordChanged changed) {
        write("password.changed", currentRequest, changed.username());
    }

    void signedUp(@Observes SignedUp signedUp) {
        write("sign-up", currentRequest, signedUp.username());
    }

    private void write(String event, HttpServletRequest request, String user) {
        events.fire(new SecurityEvent(event));
        if (!log.isLoggable(Level.INFO)) {
            return;
        }
        log.info(line(event, user, request.getRemoteAddr(), sessionHash(request)));
    }

    String sessionHash(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String id = session != null ? session.getId() : request.getRequestedSessionId();
        if (id == null) {
            return null;
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return HexFormat.of().formatHex(sha256.digest(id.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The event as one JSON line. Jakarta JSON Processing escapes every control character, so no name can forge a
     * second line; a name is cut to a sane length first.
     */
    static String line(String event, String user, String address, String session) {
        StringWriter line = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject().write("time", Instant.now().toString()).write("event", event);
            writeOrNull(json, "user", user == null || user.length() <= LONGEST_NAME ? user : user.substring(0, LONGEST_NAME) + "…");
            writeOrNull(json, "ip", address);
            writeOrNull(json, "session", session);
            json.writeEnd();
        }
        return line.toString();
    }

    private static void writeOrNull(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }
}
