package io.gatehouse.security;

import io.gatehouse.account.SignedUp;
import io.gatehouse.account.UsernameRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Failed sign-ins, counted per account and per client address. A few failures are free; after that each one closes
 * the door for twice as long as the last (2 s, 4 s, 8 s ... at most 5 min), and an attempt while it is closed is
 * refused without being counted. Nothing is ever locked for good: an hour without failures forgets them all, and a
 * right password clears its account's count. The figures are in docs/security.md. The counts live in the database
 * ({@link SignInFailures}), so that every node over it throttles as one would (docs/decisions/023); a database
 * that cannot be read throttles nobody and lets nobody in: the sign-in is a 503.
 */
@ApplicationScoped
public class SignInThrottle {

    static final Rule PER_ACCOUNT = new Rule(5, Duration.ofSeconds(2), Duration.ofMinutes(5));
    static final Rule PER_ADDRESS = new Rule(20, Duration.ofSeconds(2), Duration.ofMinutes(5));
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** The key column's width; no real address comes near it (IPv6 with a zone is under 64). */
    private static final int KEY_LENGTH = 128;

    private final SignInFailures failures;

    @Inject
    public SignInThrottle(SignInFailures failures) {
        this.failures = failures;
    }

    /** For the CDI proxy only. */
    protected SignInThrottle() {
        this(null);
    }

    /** Whether an attempt for this name from this address must be refused unchecked. */
    public boolean isThrottled(String username, String address) {
        String account = accountKey(username);
        String client = addressKey(address);
        Map<String, SignInFailures.Count> counts = failures.read(keys(account, client));
        return closed(counts.get(account), PER_ACCOUNT) || closed(counts.get(client), PER_ADDRESS);
    }

    public void failed(String username, String address) {
        failures.add(keys(accountKey(username), addressKey(address)), FORGET_AFTER);
    }

    /** The right password: the account's own count starts again. The address keeps its count. */
    public void succeeded(String username) {
        String account = accountKey(username);
        if (account != null) {
            failures.forget(account);
        }
    }

    /** Failures against a name nobody had must not stand in the way of the person who now takes it. */
    void forgetNewAccount(@Observes SignedUp signedUp) {
        succeeded(signedUp.username());
    }

    /** Counts older than an hour are forgotten by the rule already; the sweep only frees their rows. */
    public int sweep() {
        return failures.sweep(FORGET_AFTER);
    }

    static boolean closed(SignInFailures.Count count, Rule rule) {
        if (count == null) {
            return false;
        }
        Instant now = count.readAt();
        boolean forgotten = now.isAfter(count.lastFailedAt().plus(FORGET_AFTER));
        return !forgotten && now.isBefore(count.lastFailedAt().plus(rule.delayAfter(count.failures())));
    }

    /** The account's key first: every count is raised in this order, so no two raises wait for each other. */
    private static List<String> keys(String account, String address) {
        return account == null ? List.of(address) : List.of(account, address);
    }

    /** Only a name that could be an account gets a count of its own; any other counts against its address only. */
    private static String accountKey(String username) {
        return UsernameRule.allows(username) ? "account:" + username.toLowerCase(Locale.ROOT) : null;
    }

    private static String addressKey(String address) {
        String key = "address:" + address;
        return key.length() <= KEY_LENGTH ? key : key.substring(0, KEY_LENGTH);
    }

    /** {@code free} failures cost nothing; the next waits {@code first}, and each after it twice the one before. */
    record Rule(int free, Duration first, Duration longest) {

        Duration delayAfter(int count) {
            if (count <= free) {
                return Duration.ZERO;
            }
            int doublings = Math.min(count - free - 1, 30);
            Duration delay = first.multipliedBy(1L << doublings);
            return delay.compareTo(longest) > 0 ? longest : delay;
        }
    }
}
