package io.gatehouse.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The signed-in person's own account, for the profile page. */
@Named
@RequestScoped
public class ProfileBacking {

    private static final DateTimeFormatter CREATED = DateTimeFormatter
            .ofPattern("d MMMM uuuu 'at' HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    AccountRepository accounts;

    @Inject
    ExternalContext external;

    @Inject
    SignedInAccount signedIn;

    private Account account;

    public String getUsername() {
        return account().username();
    }

    public String getCreated() {
        return account().createdAt() == null ? "unknown" : CREATED.format(account().createdAt());
    }

    private Account account() {
        if (account == null) {
            String name = external.getUserPrincipal().getName();
            account = signedIn.ifRead().or(() -> accounts.find(name)).orElseGet(() -> new Account(name, null));
        }
        return account;
    }
}
