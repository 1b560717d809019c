package io.gatehouse.session;

import io.gatehouse.config.Setting;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This node's name in the session registry (GATEHOUSE_NODE_NAME, else the host name): a node that starts again
 * ends the rows it left under that name. Nodes that share a database and a host must each be given a name.
 */
final class NodeName {

    private NodeName() {
    }

    static String fromSettings() {
        return new Setting("node.name").value().orElseGet(NodeName::hostName);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unnamed) {
            return "gatehouse";
        }
    }
}
