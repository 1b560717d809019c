package io.gatehouse.web;

import jakarta.servlet.ServletContext;

/**
 * A node that has been told to stop and still serves for a while (the launcher's GATEHOUSE_SHUTDOWN_DRAIN): /health
 * says so, and a balancer that checks it sends the node nothing new, so that no request meets the node as it closes
 * its connections. Set from outside the application, on its context; read by the application.
 */
public final class NodeStopping {

    private static final String ATTRIBUTE = NodeStopping.class.getName();

    private NodeStopping() {
    }

    public static void announceIn(ServletContext context) {
        context.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    public static boolean isAnnouncedIn(ServletContext context) {
        return context.getAttribute(ATTRIBUTE) != null;
    }
}
