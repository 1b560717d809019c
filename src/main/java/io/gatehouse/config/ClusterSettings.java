package io.gatehouse.config;

import java.util.List;
import java.util.Optional;

/**
 * This node's place in a Tomcat cluster (docs/decisions/022): every member, this one included, and the address and
 * port of this node's Tribes receiver. Empty without GATEHOUSE_CLUSTER_MEMBERS: one node, no cluster.
 */
public record ClusterSettings(List<ClusterMember> members, String address, int port) {

    public static final int DEFAULT_PORT = 4000;
    public static final String DEFAULT_ADDRESS = "127.0.0.1";

    /** Read after {@link SettingsCheck#all()}, which has refused a malformed value. */
    public static Optional<ClusterSettings> fromSettings() {
        return new Setting("cluster.members").value().map(members -> new ClusterSettings(ClusterMember.listed(members),
                new Setting("cluster.address").valueOr(DEFAULT_ADDRESS).strip(),
                new Setting("cluster.port").port().orElse(DEFAULT_PORT)));
    }
}
