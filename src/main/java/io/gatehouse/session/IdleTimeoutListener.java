package io.gatehouse.session;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;

/** Gives each new session the configured idle timeout, to the second; without one, web.xml's stands. */
@WebListener
public class IdleTimeoutListener implements HttpSessionListener {

    private final Duration idle = SessionTimeouts.fromSettings().idle();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        if (idle != null) {
            event.getSession().setMaxInactiveInterval((int) Math.max(1, idle.toSeconds()));
        }
    }
}
