package io.gatehouse.payara;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;

/**
 * How many members this Payara node's Hazelcast data grid sees, itself included: the grid's own member list, kept
 * in memory by Hazelcast, so cheap enough for a health check polled every second. Only Payara with its data grid
 * loads this class (io.gatehouse.database.PayaraDataGrid): no other server has Hazelcast, and the Tomcat WAR leaves it
 * out.
 */
public final class HazelcastMembers {

    private HazelcastMembers() {
    }

    /** @param instance the HazelcastInstance Payara binds in JNDI; a grid shutting down counts this node alone */
    public static int count(Object instance) {
        try {
            return ((HazelcastInstance) instance).getCluster().getMembers().size();
        } catch (HazelcastInstanceNotActiveException shuttingDown) {
            return 1;
        }
    }
}
