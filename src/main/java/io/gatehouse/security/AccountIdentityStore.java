package io.gatehouse.security;

import io.gatehouse.account.AccountRepository;
import io.gatehouse.account.PasswordHasher;
import io.gatehouse.account.PasswordRenewal;
import io.gatehouse.account.PasswordRule;
import io.gatehouse.account.StoredPassword;
import io.gatehouse.account.UsernameRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.NOT_VALIDATED_RESULT;

/**
 * Checks a name and password against the accounts in the database. An unknown name costs the same hash as a
 * wrong password, so the answer and its timing say nothing about which names exist. A password that matches a hash
 * of an older kind or cost gets today's hash ({@link PasswordRenewal}).
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordRenewal renewal;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return NOT_VALIDATED_RESULT;
        }
        String password = login.getPasswordAsString();
        if (password.isEmpty() || PasswordRule.isTooLong(password)) {
            return INVALID_RESULT;
        }
        Optional<StoredPassword> stored = UsernameRule.allows(login.getCaller())
                ? accounts.findPassword(login.getCaller())
                : Optional.empty();
        if (stored.isEmpty()) {
            hasher.verifyAgainstNothing(password);
            return INVALID_RESULT;
        }
        if (!hasher.verify(password, stored.get().passwordHash())) {
            return INVALID_RESULT;
        }
        renewal.afterSignIn(stored.get(), password);
        return new CredentialValidationResult(stored.get().username(), Set.of(Roles.USER));
    }
}
