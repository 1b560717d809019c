package io.gatehouse.payara;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HazelcastMembersTest {

    @Test
    void countsTheMembersTheGridSees() {
        assertEquals(1, HazelcastMembers.count(grid(() -> Set.of(member()))));
        assertEquals(2, HazelcastMembers.count(grid(() -> Set.of(member(), member()))));
    }

    @Test
    void aGridShuttingDownCountsThisNodeAlone() {
        assertEquals(1, HazelcastMembers.count(grid(() -> {
            throw new HazelcastInstanceNotActiveException();
        })));
    }

    /** A HazelcastInstance whose cluster answers getMembers() from {@code members}, and nothing else. */
    private static HazelcastInstance grid(Supplier<Set<Member>> members) {
        Cluster cluster = proxy(Cluster.class, "getMembers", members);
        return proxy(HazelcastInstance.class, "getCluster", () -> cluster);
    }

    private static Member member() {
        return proxy(Member.class, "none", () -> null);
    }

    private static <T> T proxy(Class<T> type, String method, Supplier<?> answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, called, args) -> {
            if (called.getName().equals(method)) {
                return answer.get();
            }
            if (called.getName().equals("hashCode")) {
                return System.identityHashCode(self);
            }
            if (called.getName().equals("equals")) {
                return self == args[0];
            }
            throw new UnsupportedOperationException(called.getName());
        }));
    }
}
