package io.gatehouse.session;

import io.gatehouse.account.SignedUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Puts a session that has just signed in, on its new id, into the {@link SessionRegistry}, and marks the container's
 * session as registered. Sign-in ({@code SignInRedirectServlet}) calls it; sign-up, which signs in too, fires
 * {@link SignedUp}. Should the registry fail here, the session has no live row, and its next request is refused.
 */
@ApplicationScoped
public class SignedInSessions {

    /** The row's handle, kept in the container's session: present means registered. */
    static final String HANDLE = SignedInSessions.class.getName() + ".handle";
    /** On a request: the caller was signed in by a remembered device, on a session not registered yet. */
    static final String TO_REGISTER = SignedInSessions.class.getName() + ".toRegister";
    /** Why the session is ending, for its row; set just before it is invalidated. */
    static final String END_REASON = SignedInSessions.class.getName() + ".endReason";

    private final String node = NodeName.fromSettings();

    @Inject
    SessionRegistry registry;

    @Inject
    SessionIdHash hash;

    @Inject
    LocalSessions local;

    @Inject
    LastSeen lastSeen;

    @Inject
    HttpServletRequest currentRequest;

    public void register(HttpServletRequest request, String username) {
        HttpSession session = request.getSession();
        String handle = registry.register(username, hash.of(session.getId()),
                request.getRemoteAddr(), request.getHeader("User-Agent"), node);
        session.setAttribute(HANDLE, handle);
        local.add(handle, session);
        lastSeen.registered(session);
    }

    void signedUp(@Observes SignedUp signedUp) {
        register(currentRequest, signedUp.username());
    }

    /**
     * The sign-in mechanism signed this request in from a remembered device: the container gives it its session
     * (and id) only afterwards, so {@link EndedSessionFilter} registers it before anything is served.
     */
    public static void registerOnceSignedIn(HttpServletRequest request) {
        request.setAttribute(TO_REGISTER, Boolean.TRUE);
    }

    /** Says why a session is about to end, for its row; the session listener writes it when the session dies. */
    public static void ending(HttpSession session, String reason) {
        try {
            session.setAttribute(END_REASON, reason);
        } catch (IllegalStateException alreadyInvalid) {
            // Ended already; its row was ended then.
        }
    }
}
