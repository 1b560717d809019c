package io.gatehouse.session;

import io.gatehouse.remember.RememberMe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.util.List;

/**
 * Ends sessions of an account from another of its sessions: their rows first, which every node obeys on the next
 * request, then the container sessions this node holds, at once.
 */
@ApplicationScoped
public class EndingSessions {

    @Inject
    AccountSessions sessions;

    @Inject
    LocalSessions local;

    @Inject
    SessionIdHash hash;

    @Inject
    RememberMe rememberMe;

    /** False if the account has no live session of this handle (another's, made up, or ended already). */
    public boolean end(String username, String handle, String reason) {
        if (handle == null || !sessions.end(username, handle, reason)) {
            return false;
        }
        local.invalidate(List.of(handle), reason);
        return true;
    }

    /**
     * Every session of the account but {@code kept}, as of now (see {@link AccountSessions#endAllBut}), and every
     * remembered device, this one's too: a token left behind would sign a stolen copy straight back in.
     */
    public void endAllBut(String username, HttpSession kept, String reason) {
        rememberMe.forgetAllOf(username);
        local.invalidate(sessions.endAllBut(username, hash.of(kept.getId()), reason), reason);
    }
}
