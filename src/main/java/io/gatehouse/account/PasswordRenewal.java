package io.gatehouse.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Moves a stored hash to today's Argon2id cost at a successful sign-in: the only moment the password is known.
 * The new hash replaces only the one that was verified, so a password changed at the same moment wins. A renewal
 * that cannot happen now (every slot busy, the database down) is left for the next sign-in: the caller is signed
 * in either way. See docs/decisions/014-argon2id-by-default.md.
 */
@ApplicationScoped
public class PasswordRenewal {

    private static final Logger LOG = Logger.getLogger(PasswordRenewal.class.getName());

    private final AccountRepository accounts;
    private final PasswordHasher hasher;

    @Inject
    public PasswordRenewal(AccountRepository accounts, PasswordHasher hasher) {
        this.accounts = accounts;
        this.hasher = hasher;
    }

    /** For the CDI proxy only. */
    protected PasswordRenewal() {
        this(null, null);
    }

    /**
     * Whether PBKDF2 hashes remain decides how long a failed sign-in waits: see {@link PasswordHasher#pbkdf2InUse}.
     * A database that cannot say counts as holding some: a longer wait is safe, a shorter one is not.
     */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        boolean remain;
        try {
            remain = pbkdf2Remains();
        } catch (DataAccessException e) {
            remain = true;
        }
        hasher.pbkdf2InUse(remain);
    }

    /** After {@code password} matched {@code stored}. */
    public void afterSignIn(StoredPassword stored, String password) {
        if (!hasher.needsRenewal(stored.passwordHash())) {
            return;
        }
        try {
            if (accounts.replacePasswordHash(stored.username(), stored.passwordHash(), hasher.hash(password))
                    && PasswordHasher.isPbkdf2(stored.passwordHash()) && !pbkdf2Remains()) {
                hasher.pbkdf2InUse(false);
            }
        } catch (TooBusyException | DataAccessException e) {
            LOG.info(() -> "A password hash was not renewed at sign-in (" + e.getMessage() + "); the next sign-in will.");
        }
    }

    private boolean pbkdf2Remains() {
        return accounts.holdsPasswordHashesOtherThan(Argon2idPhc.PREFIX);
    }
}
