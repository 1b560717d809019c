package io.gatehouse.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Stores an account's new password. The same statement moves the account's "sessions valid after" to now, so the
 * new password and the end of every session signed in with the old one cannot be torn apart.
 */
@ApplicationScoped
public class PasswordChange {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;

    @Inject
    public PasswordChange(AccountRepository accounts, PasswordHasher hasher) {
        this.accounts = accounts;
        this.hasher = hasher;
    }

    /** For the CDI proxy only. */
    protected PasswordChange() {
        this(null, null);
    }

    /** Expects a password that {@link PasswordRule} allows, for an account that exists. */
    public void change(String username, String newPassword) {
        if (!PasswordRule.allows(newPassword)) {
            throw new IllegalArgumentException("password breaks the rules");
        }
        if (!accounts.changePassword(username, hasher.hash(newPassword))) {
            throw new IllegalStateException("no such account");
        }
    }
}
