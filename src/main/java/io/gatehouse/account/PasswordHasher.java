package io.gatehouse.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Argon2id with OWASP's first-choice cost (or the settings' higher one) for every new hash; PBKDF2-SHA512 at
 * 220,000 iterations, what Gatehouse stored before, still verifies until {@link PasswordRenewal} replaces it.
 * Passwords are NFKC-normalized first, so the same password typed on another keyboard still matches.
 * Every hash, the decoy included, waits for one of the {@link HashingSlots}; a wait too long throws
 * {@link TooBusyException}. A failed verification is answered no sooner than the slowest kind still in use
 * ({@link VerificationPace}). See docs/decisions/014-argon2id-by-default.md.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Logger LOG = Logger.getLogger(PasswordHasher.class.getName());

    /** The only PBKDF2 that Gatehouse ever stored, and the least of it that still verifies. */
    static final String PBKDF2_PREFIX = "PBKDF2WithHmacSHA512:";
    static final int PBKDF2_ITERATIONS = 220_000;
    private static final String PBKDF2 = "PBKDF2-SHA512";

    private final Pbkdf2PasswordHash pbkdf2;
    private final Argon2idPasswordHash argon2;
    private final Argon2Cost cost;
    private final String dummyHash;
    private final HashingSlots slots;
    private final VerificationPace pace;

    @Inject
    public PasswordHasher(Pbkdf2PasswordHash pbkdf2, Event<HashingSlotUse> slotUses) {
        this(pbkdf2, BenchCheapHash.isOn() ? Argon2Cost.CHEAPEST : Argon2Cost.fromSettings(),
                HashingSlots.onePerCore(slotUses::fire));
    }

    PasswordHasher(Pbkdf2PasswordHash pbkdf2, Argon2Cost cost) {
        this(pbkdf2, cost, HashingSlots.onePerCore());
    }

    PasswordHasher(Pbkdf2PasswordHash pbkdf2, Argon2Cost cost, HashingSlots slots) {
        this.pbkdf2 = pbkdf2;
        this.argon2 = new Argon2idPasswordHash(cost);
        this.cost = cost;
        this.slots = slots;
        this.pace = new VerificationPace();
        this.dummyHash = new Argon2idPhc(cost, randomBytes(Argon2idPasswordHash.SALT_BYTES),
                randomBytes(Argon2idPasswordHash.HASH_BYTES)).format();
    }

    /** For the CDI proxy only. */
    protected PasswordHasher() {
        this.pbkdf2 = null;
        this.argon2 = null;
        this.cost = null;
        this.dummyHash = null;
        this.slots = null;
        this.pace = null;
    }

    public String hash(String password) {
        return slots.run(() -> argon2.generate(normalize(password)));
    }

    /**
     * Whether {@code password} matches {@code storedHash}. A stored hash below the floor never matches: an account
     * made under the bench switch could otherwise sign in on a production start. Nor does a hash Gatehouse cannot
     * read, tampered or cut short; that is logged, without the hash.
     */
    public boolean verify(String password, String storedHash) {
        Optional<Argon2idPhc> argon2Hash = Argon2idPhc.parse(storedHash);
        if (argon2Hash.isPresent()) {
            if (!isAtLeastTheLeast(argon2Hash.get().cost())) {
                verifyAgainstNothing(password);
                return false;
            }
            return paced(kindOf(argon2Hash.get().cost()), () -> argon2.verify(normalize(password), storedHash));
        }
        if (isPbkdf2(storedHash)) {
            return paced(PBKDF2, () -> pbkdf2.verify(normalize(password), storedHash));
        }
        if (!isWeakPbkdf2(storedHash)) {
            LOG.severe("A stored password hash is neither Argon2id within its caps nor PBKDF2-SHA512: it never "
                    + "matches, and its account needs a new password. (The hash is not logged.)");
        }
        verifyAgainstNothing(password);
        return false;
    }

    /**
     * Costs what {@link #verify} costs, so that an unknown name cannot be told from a wrong password by time: one
     * Argon2id at our cost against a hash of random bytes that no password matches, made without hashing, so that
     * start-up does not wait for it. It queues for a slot as a real one does, and is paced as a failure.
     */
    public void verifyAgainstNothing(String password) {
        paced(kindOf(cost), () -> argon2.verify(normalize(password), dummyHash));
    }

    /**
     * Whether a hash that {@link #verify} just matched should be made again: PBKDF2, or Argon2id at less than our
     * cost in any of memory, iterations or parallelism. Never under the bench switch.
     */
    public boolean needsRenewal(String storedHash) {
        if (isCheap()) {
            return false;
        }
        return isPbkdf2(storedHash)
                || Argon2idPhc.parse(storedHash).filter(hash -> hash.cost().fallsShortOf(cost)).isPresent();
    }

    /**
     * Whether PBKDF2 hashes remain to be verified. While they do, every failure waits as long as one of them takes;
     * once told so, it measures one PBKDF2 verification at once, so that the first failure already knows.
     */
    public void pbkdf2InUse(boolean inUse) {
        if (inUse && !pace.knows(PBKDF2)) {
            String randomPbkdf2 = PBKDF2_PREFIX + PBKDF2_ITERATIONS + ":"
                    + Base64.getEncoder().encodeToString(randomBytes(32)) + ":"
                    + Base64.getEncoder().encodeToString(randomBytes(64));
            paced(PBKDF2, () -> pbkdf2.verify(new char[] {'x'}, randomPbkdf2));
        }
        pace.inUse(PBKDF2, inUse);
    }

    public boolean isCheap() {
        return !cost.isAtLeastTheFloor();
    }

    /** How every hash made here begins: {@code $argon2id$v=19$m=19456,t=2,p=1$}. */
    public String storedPrefix() {
        return Argon2idPhc.PREFIX + cost + "$";
    }

    /** What the bench switch's log line names. */
    Argon2Cost cost() {
        return cost;
    }

    private boolean paced(String kind, BooleanSupplier verification) {
        long[] began = new long[1];
        boolean matched = slots.run(() -> {
            began[0] = System.nanoTime();
            boolean result = verification.getAsBoolean();
            pace.took(kind, System.nanoTime() - began[0]);
            return result;
        });
        if (!matched) {
            pace.waitOutFailure(began[0]);
        }
        return matched;
    }

    /** Nothing below OWASP's floor; under the bench switch, nothing cheaper than its own hashes. */
    private boolean isAtLeastTheLeast(Argon2Cost stored) {
        return cost.isAtLeastTheFloor() ? stored.isAtLeastTheFloor() : stored.coversAtLeast(cost);
    }

    private static String kindOf(Argon2Cost cost) {
        return "Argon2id " + cost;
    }

    static boolean isPbkdf2(String storedHash) {
        return storedHash.startsWith(PBKDF2_PREFIX) && iterationsOf(storedHash) >= PBKDF2_ITERATIONS;
    }

    /** The shape of the hashes the bench switch made before Argon2id: refused quietly, as before. */
    private static boolean isWeakPbkdf2(String storedHash) {
        return storedHash.startsWith(PBKDF2_PREFIX) && iterationsOf(storedHash) > 0;
    }

    /** Soteria stores {@code algorithm:iterations:salt:hash}; anything else counts as no iterations at all. */
    static int iterationsOf(String storedHash) {
        String[] parts = storedHash.split(":");
        try {
            return parts.length == 4 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static char[] normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC).toCharArray();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** The hash {@link #verifyAgainstNothing} checks against, for tests of its shape. */
    String dummyHash() {
        return dummyHash;
    }
}
