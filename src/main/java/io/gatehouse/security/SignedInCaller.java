package io.gatehouse.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The caller that {@link FormLoginMechanism} signed in, kept as a plain attribute of the container's session so that
 * it travels wherever the session does. A session that a cluster moves to another node (Payara's Hazelcast) brings
 * its attributes whole, but not the container's own sign-in: Payara 6 hands the next node a caller without a name or
 * a role, which would answer 404 on every protected page (docs/decisions/024). Only then is this one handed back:
 * on the node that signed the session in, the container's own caller serves, as before. Tomcat's cluster replicates
 * its sign-in with the session, so there it is never handed back ({@link FormLoginMechanism#callerTravelsWithSessionsIn}):
 * handing it back would sign the caller in anew, on a new session id that the node holding the copy cannot register.
 */
record SignedInCaller(String name, Set<String> groups, String node) implements Serializable {

    private static final String ATTRIBUTE = SignedInCaller.class.getName();
    static final String CONTAINER_KEEPS_CALLER = ATTRIBUTE + ".containerKeepsCaller";
    /** This JVM, as no other node and no earlier start of this one. */
    private static final String THIS_NODE = UUID.randomUUID().toString();

    SignedInCaller {
        groups = Set.copyOf(groups);
    }

    static SignedInCaller here(String name, Set<String> groups) {
        return new SignedInCaller(name, groups, THIS_NODE);
    }

    /** Signed in by another node (or an earlier start of this one), in a container whose sign-in does not travel. */
    boolean toHandBackIn(HttpServletRequest request) {
        return !node.equals(THIS_NODE) && request.getServletContext().getAttribute(CONTAINER_KEEPS_CALLER) == null;
    }

    /** Called once the container has signed the caller in, on the session that sign-in gave them. */
    void keepIn(HttpServletRequest request) {
        request.getSession().setAttribute(ATTRIBUTE, this);
    }

    static Optional<SignedInCaller> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return session.getAttribute(ATTRIBUTE) instanceof SignedInCaller caller ? Optional.of(caller) : Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }
}
