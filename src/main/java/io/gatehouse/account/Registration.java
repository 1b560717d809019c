package io.gatehouse.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Stores a new account with a hashed password. The database's UNIQUE constraint settles a race for a name. */
@ApplicationScoped
public class Registration {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;

    @Inject
    public Registration(AccountRepository accounts, PasswordHasher hasher) {
        this.accounts = accounts;
        this.hasher = hasher;
    }

    /** For the CDI proxy only. */
    protected Registration() {
        this(null, null);
    }

    /** Expects a name and password that {@link UsernameRule} and {@link PasswordRule} allow. */
    public Account register(String username, String password) throws UsernameTakenException {
        if (!UsernameRule.allows(username) || !PasswordRule.allows(password)) {
            throw new IllegalArgumentException("username or password breaks the rules");
        }
        // A cheap look first spares the hash for a name that is plainly taken.
        if (accounts.exists(username)) {
            throw new UsernameTakenException(username);
        }
        return accounts.create(username, hasher.hash(password));
    }
}
