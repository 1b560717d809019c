package io.gatehouse.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether a port can be listened on, tried before Tomcat binds it: Tomcat reports a taken port as a SEVERE stack
 * trace and goes on. The moment between this check and Tomcat's bind is covered too: the launcher also stops if
 * Tomcat fails to bind, only less tidily.
 */
final class Listening {

    private Listening() {
    }

    static void checkFree(String address, int port, String settings) throws CannotStart {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new CannotStart("cannot listen on " + address + ":" + port + " (" + settings + "): " + e.getMessage());
        }
    }
}
