package io.gatehouse.session;

import io.gatehouse.config.Setting;

/**
 * Whether this node's container sessions live on other nodes too (a Tomcat cluster, GATEHOUSE_CLUSTER_MEMBERS;
 * docs/decisions/022). Then a node that stops or dies has not ended its sessions: the registry keeps their rows.
 */
final class ReplicatedSessions {

    private ReplicatedSessions() {
    }

    static boolean areOn() {
        return new Setting("cluster.members").value().isPresent();
    }
}
