package io.gatehouse.database;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Whether this node has joined its cluster, for /health. A Tomcat cluster registers itself, and each member it
 * sees, this node included, in JMX ({@code type=Cluster}; {@code type=Cluster,component=Member,name=…}). Read from there rather than
 * from Tomcat's classes, which a WAR does not see on every server. On Payara, its Hazelcast data grid says
 * ({@link PayaraDataGrid}). On a server with neither there is nothing to join, and nothing is said.
 * Joined means: a member seen now, or once since this node started. A node that has met its cluster and then
 * lost every other member (they were stopped or died) is the one left serving, so it stays ready; a node that never
 * met one may be cut off from a cluster that holds the sessions, so it waits, as the first node of a new cluster does.
 */
final class ClusterMembership {

    private static final ObjectName CLUSTERS = name("*:type=Cluster,*");
    private static final AtomicBoolean MET = new AtomicBoolean();

    private ClusterMembership() {
    }

    /** Empty without a cluster; otherwise whether another member is seen, or was since this node started. */
    static Optional<Boolean> joined() {
        Optional<Integer> members = tomcatMembers().or(PayaraDataGrid::members);
        if (members.orElse(0) > 1) {
            MET.set(true);
        }
        return members.map(seen -> MET.get());
    }

    /** Empty without a Tomcat cluster; otherwise how many members it sees, this node included. */
    private static Optional<Integer> tomcatMembers() {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        boolean clustered = false;
        int members = 0;
        for (ObjectName name : jmx.queryNames(CLUSTERS, null)) {
            String component = name.getKeyProperty("component");
            clustered |= component == null;
            members += "Member".equals(component) ? 1 : 0;
        }
        return clustered ? Optional.of(members) : Optional.empty();
    }

    private static ObjectName name(String pattern) {
        try {
            return new ObjectName(pattern);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
