package io.gatehouse.config;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterMemberTest {

    @AfterEach
    void forget() {
        for (String name : List.of("cluster.members", "cluster.port", "cluster.address")) {
            System.clearProperty("gatehouse." + name);
        }
    }

    @Test
    void theMembersAreEveryNodesHostAndPort() {
        assertEquals(List.of(new ClusterMember("127.0.0.1", 4000), new ClusterMember("gatehouse-b", 4001)),
                ClusterMember.listed("127.0.0.1:4000, Gatehouse-B:4001"));
    }

    @Test
    void aClusterHasTwoDifferentMembersAtLeast() {
        assertThrows(IllegalArgumentException.class, () -> ClusterMember.listed("127.0.0.1:4000"));
        assertThrows(IllegalArgumentException.class, () -> ClusterMember.listed("127.0.0.1:4000,127.0.0.1:4000"));
        assertThrows(IllegalArgumentException.class, () -> ClusterMember.listed("127.0.0.1:4000,127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> ClusterMember.listed("127.0.0.1:4000,:4001"));
        assertThrows(IllegalArgumentException.class, () -> ClusterMember.listed("127.0.0.1:4000,h\"/>:4001"));
        assertThrows(IllegalArgumentException.class, () -> ClusterMember.listed("127.0.0.1:4000,127.0.0.1:70000"));
    }

    @Test
    void noSettingsNoCluster() {
        SettingsCheck.all();

        assertTrue(ClusterSettings.fromSettings().isEmpty());
    }

    @Test
    void aMalformedListStopsTheStartInOneLine() {
        System.setProperty("gatehouse.cluster.members", "127.0.0.1:4000");

        assertEquals("GATEHOUSE_CLUSTER_MEMBERS (gatehouse.cluster.members) is \"127.0.0.1:4000\", but must be two or "
                + "more host:port of the cluster's nodes, this one included, separated by commas",
                assertThrows(InvalidSetting.class, SettingsCheck::all).getMessage());
    }

    @Test
    void theListMustNameThisNode() {
        System.setProperty("gatehouse.cluster.members", "127.0.0.1:4001,127.0.0.1:4002");

        assertEquals("GATEHOUSE_CLUSTER_MEMBERS (gatehouse.cluster.members) is \"127.0.0.1:4001,127.0.0.1:4002\", but "
                + "must be a list that includes this node, 127.0.0.1:4000 "
                + "(GATEHOUSE_CLUSTER_ADDRESS:GATEHOUSE_CLUSTER_PORT)",
                assertThrows(InvalidSetting.class, SettingsCheck::all).getMessage());

        System.setProperty("gatehouse.cluster.port", "4002");
        SettingsCheck.all();
        assertEquals(new ClusterSettings(List.of(new ClusterMember("127.0.0.1", 4001),
                new ClusterMember("127.0.0.1", 4002)), "127.0.0.1", 4002), ClusterSettings.fromSettings().orElseThrow());
    }
}
