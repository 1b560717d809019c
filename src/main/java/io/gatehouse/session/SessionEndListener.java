package io.gatehouse.session;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the registry in step with the container: a registered session that dies (sign-out, idle or absolute
 * timeout, a new sign-in) ends its row, with the reason it was given; one that gets a new id keeps its row. In a
 * cluster, every node holding a copy hears of its end: only the node that ended it, or saw it idle out, ends the row.
 */
@WebListener
public class SessionEndListener implements HttpSessionListener, HttpSessionIdListener {

    private static final Logger LOG = Logger.getLogger(SessionEndListener.class.getName());

    @Inject
    SessionRegistry registry;

    @Inject
    SessionIdHash hash;

    @Inject
    LocalSessions local;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        if (!(session.getAttribute(SignedInSessions.HANDLE) instanceof String handle)) {
            return;
        }
        local.remove(handle);
        boolean endedByUs = session.getAttribute(SignedInSessions.END_REASON) instanceof String;
        String reason = endedByUs ? (String) session.getAttribute(SignedInSessions.END_REASON) : timedOut(session);
        if (!endedByUs && "ended".equals(reason) && ReplicatedSessions.areOn()) {
            // Neither ended by us nor idled out: a node letting go of its copy (it stops, or the node that ended the
            // session told it so, and ends the row itself). The session lives on elsewhere, or is ended already.
            return;
        }
        try {
            registry.end(hash.of(session.getId()), reason);
        } catch (RuntimeException unreachable) {
            // The row is ended by the sweep once its last-seen time is past the idle timeout.
            LOG.log(Level.WARNING, "could not end a session's registry row; the sweep will", unreachable);
        }
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        HttpSession session = event.getSession();
        try {
            if (session.getAttribute(SignedInSessions.HANDLE) == null) {
                return;
            }
        } catch (IllegalStateException endedMeanwhile) {
            // Payara's logout changes the id of a session that another request has just ended; its row ended then.
            return;
        }
        registry.rekey(hash.of(oldSessionId), hash.of(session.getId()));
    }

    private static String timedOut(HttpSession session) {
        long idleMillis = System.currentTimeMillis() - session.getLastAccessedTime();
        return idleMillis >= session.getMaxInactiveInterval() * 1000L ? "idle-timeout" : "ended";
    }
}
