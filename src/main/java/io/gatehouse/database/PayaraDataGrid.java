package io.gatehouse.database;

import io.gatehouse.payara.HazelcastMembers;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Payara's Hazelcast data grid, where this node runs one (docs/decisions/026): Payara binds its HazelcastInstance in
 * JNDI as {@code payara/Hazelcast} when it starts the grid, before it deploys the WAR; a Payara started with
 * {@code --nohazelcast}, and every other server, binds nothing. Looked up once; Hazelcast's types stay in
 * {@link HazelcastMembers}, loaded only once the instance is found.
 */
final class PayaraDataGrid {

    private static final String JNDI_NAME = "payara/Hazelcast";

    private PayaraDataGrid() {
    }

    /** Empty without a data grid; otherwise how many members it sees, this node included. */
    static Optional<Integer> members() {
        Optional<Object> grid = Lookup.INSTANCE;
        // No method reference: linking one would load HazelcastMembers, and with it Hazelcast, on every server.
        if (grid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(HazelcastMembers.count(grid.get()));
    }

    private static final class Lookup {

        static final Optional<Object> INSTANCE = lookUp();

        private static Optional<Object> lookUp() {
            try {
                return Optional.ofNullable(new InitialContext().lookup(JNDI_NAME));
            } catch (NamingException noDataGrid) {
                return Optional.empty();
            }
        }
    }
}
