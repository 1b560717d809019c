package io.gatehouse.security;

import io.gatehouse.account.SignedUp;
import io.gatehouse.account.UsernameRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins, counted per account and per client address. A few failures are free; after that each one closes
 * the door for twice as long as the last (2 s, 4 s, 8 s ... at most 5 min), and an attempt while it is closed is
 * refused without being counted. Nothing is ever locked for good: an hour without failures forgets them all, and a
 * right password clears its account's count. The figures are in docs/security.md.
 */
@ApplicationScoped
public class SignInThrottle {

    static final Rule PER_ACCOUNT = new Rule(5, Duration.ofSeconds(2), Duration.ofMinutes(5));
    static final Rule PER_ADDRESS = new Rule(20, Duration.ofSeconds(2), Duration.ofMinutes(5));
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** Past this many keys, those forgotten are swept out, so a flood of made-up names cannot fill the memory. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether an attempt for this name from this address must be refused unchecked. */
    public boolean isThrottled(String username, String address) {
        Instant now = clock.instant();
        return closed(accountKey(username), PER_ACCOUNT, now) || closed(addressKey(address), PER_ADDRESS, now);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        String account = accountKey(username);
        if (account != null) {
            failures.compute(account, (key, old) -> Failures.after(old, now));
        }
        failures.compute(addressKey(address), (key, old) -> Failures.after(old, now));
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(entry -> entry.forgotten(now));
        }
    }

    /** The right password: the account's own count starts again. The address keeps its count. */
    public void succeeded(String username) {
        String account = accountKey(username);
        if (account != null) {
            failures.remove(account);
        }
    }

    /** Failures against a name nobody had must not stand in the way of the person who now takes it. */
    void forgetNewAccount(@Observes SignedUp signedUp) {
        succeeded(signedUp.username());
    }

    private boolean closed(String key, Rule rule, Instant now) {
        Failures entry = key == null ? null : failures.get(key);
        return entry != null && !entry.forgotten(now) && now.isBefore(entry.last().plus(rule.delayAfter(entry.count())));
    }

    /** Only a name that could be an account gets a count of its own; any other counts against its address only. */
    private static String accountKey(String username) {
        return UsernameRule.allows(username) ? "account:" + username.toLowerCase(Locale.ROOT) : null;
    }

    private static String addressKey(String address) {
        return "address:" + address;
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

    private record Failures(int count, Instant last) {

        static Failures after(Failures old, Instant now) {
            return old == null || old.forgotten(now) ? new Failures(1, now) : new Failures(old.count + 1, now);
        }

        boolean forgotten(Instant now) {
            return now.isAfter(last.plus(FORGET_AFTER));
        }
    }
}
