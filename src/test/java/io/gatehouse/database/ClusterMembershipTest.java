package io.gatehouse.database;

import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClusterMembershipTest {

    @Test
    void aServerWithoutTomcatsClusterOrPayarasDataGridSaysNothingOfOne() {
        assertEquals(Optional.empty(), ClusterMembership.joined());
    }
}
