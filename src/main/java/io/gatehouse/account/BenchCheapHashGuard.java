package io.gatehouse.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/**
 * Makes the {@link PasswordHasher} as the application starts, so that under {@link BenchCheapHash} the log says so
 * before the first request, and a database that holds any other hash (a real one) is refused: bench mode only ever
 * runs on a database it made itself.
 */
@ApplicationScoped
public class BenchCheapHashGuard {

    private static final Logger LOG = Logger.getLogger(BenchCheapHashGuard.class.getName());

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted,
                   PasswordHasher hasher, AccountRepository accounts) {
        check(hasher, accounts);
    }

    static void check(PasswordHasher hasher, AccountRepository accounts) {
        if (!hasher.isCheap()) {
            return;
        }
        LOG.severe(() -> BenchCheapHash.SWITCH.variable() + "=true: passwords are hashed with Argon2id "
                + hasher.cost() + ", not " + Argon2Cost.DEFAULT + " or more. For benchmarks only: never run a real "
                + "service this way.");
        if (accounts.holdsPasswordHashesOtherThan(hasher.storedPrefix())) {
            throw new IllegalStateException(BenchCheapHash.SWITCH.variable() + "=true on a database with real "
                    + "password hashes: refusing to start. The bench switch runs only on a database of its own.");
        }
    }
}
