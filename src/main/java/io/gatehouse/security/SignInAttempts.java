package io.gatehouse.security;

import io.gatehouse.account.PasswordHasher;
import io.gatehouse.history.EventKind;
import io.gatehouse.history.RecordedEvents;
import io.gatehouse.account.PasswordRule;
import io.gatehouse.account.TooBusyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;

/**
 * One sign-in from the form (or a password given again): throttled, checked, counted, logged, and put in the
 * account's history. A throttled attempt spends the same hash as a
 * real check (none for a password too long to be anyone's, as the identity store) and gets the same answer as a
 * wrong password, so nobody can tell that the door was closed, nor time it.
 */
@ApplicationScoped
public class SignInAttempts {

    @Inject
    IdentityStoreHandler identityStore;

    @Inject
    SignInThrottle throttle;

    @Inject
    PasswordHasher hasher;

    @Inject
    SecurityLog log;

    @Inject
    RecordedEvents history;

    public CredentialValidationResult check(HttpServletRequest request, String username, String password) {
        String address = request.getRemoteAddr();
        if (throttle.isThrottled(username, address)) {
            if (!PasswordRule.isTooLong(password)) {
                hasher.verifyAgainstNothing(password);
            }
            log.signInThrottled(request, username);
            history.record(request, username, EventKind.SIGN_IN_THROTTLED);
            return INVALID_RESULT;
        }
        CredentialValidationResult result;
        try {
            result = identityStore.validate(new UsernamePasswordCredential(username, password));
        } catch (TooBusyException tooBusy) {
            log.signInTooBusy(request, username);
            throw tooBusy;
        }
        if (result.getStatus() == VALID) {
            throttle.succeeded(username);
        } else {
            throttle.failed(username, address);
            log.signInFailed(request, username);
            history.record(request, username, EventKind.SIGN_IN_FAILED);
        }
        return result;
    }
}
