package io.gatehouse.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered sessions this node holds, by handle: a session ended from another device on this node dies at
 * once; one held by another node dies on its next request there, when {@link EndedSessionFilter} finds its row ended.
 */
@ApplicationScoped
public class LocalSessions {

    private final Map<String, HttpSession> byHandle = new ConcurrentHashMap<>();

    void add(String handle, HttpSession session) {
        byHandle.put(handle, session);
    }

    void remove(String handle) {
        byHandle.remove(handle);
    }

    /** Ends the container's session of each handle, if this node holds it. */
    public void invalidate(Iterable<String> handles, String reason) {
        for (String handle : handles) {
            HttpSession session = byHandle.remove(handle);
            if (session != null) {
                SignedInSessions.ending(session, reason);
                try {
                    session.invalidate();
                } catch (IllegalStateException alreadyInvalid) {
                    // Ended already.
                }
            }
        }
    }
}
