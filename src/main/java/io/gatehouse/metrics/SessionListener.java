package io.gatehouse.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Hands the container's session events to {@link Sessions}. */
@WebListener
public class SessionListener implements HttpSessionListener {

    @Inject
    Sessions sessions;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.created();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.ended(event.getSession());
    }
}
