package io.gatehouse.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One node of a Tomcat cluster, as GATEHOUSE_CLUSTER_MEMBERS names it: the host and port of its Tribes receiver. */
public record ClusterMember(String host, int port) {

    public ClusterMember {
        if (host.isBlank() || !host.matches("[A-Za-z0-9.\\-:\\[\\]]+") || port < 1 || port > 65535) {
            throw new IllegalArgumentException();
        }
    }

    /** {@code host:port,host:port,…}: every node, this one included, the same list on each; at least two. */
    public static List<ClusterMember> listed(String members) {
        List<ClusterMember> listed = new ArrayList<>();
        for (String member : members.split(",")) {
            String entry = member.strip();
            int colon = entry.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException();
            }
            ClusterMember parsed = new ClusterMember(entry.substring(0, colon).toLowerCase(Locale.ROOT),
                    Integer.parseInt(entry.substring(colon + 1)));
            if (listed.contains(parsed)) {
                throw new IllegalArgumentException();
            }
            listed.add(parsed);
        }
        if (listed.size() < 2) {
            throw new IllegalArgumentException();
        }
        return List.copyOf(listed);
    }

    /** Whether this member is the receiver at {@code address}:{@code port}, as Tomcat finds its own node in the list. */
    public boolean is(String address, int port) {
        try {
            return this.port == port
                    && InetAddress.getByName(host).equals(InetAddress.getByName(address.strip()));
        } catch (UnknownHostException unresolved) {
            return false;
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
