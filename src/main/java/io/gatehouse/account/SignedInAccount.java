package io.gatehouse.account;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The signed-in caller's account as this request's session check read it, in the same read as the session's row: a
 * page that shows the account need not ask the database again. Empty where nothing checked the session.
 */
@RequestScoped
public class SignedInAccount {

    private Account account;

    public void readWithTheSession(Account account) {
        this.account = account;
    }

    public Optional<Account> ifRead() {
        return Optional.ofNullable(account);
    }
}
