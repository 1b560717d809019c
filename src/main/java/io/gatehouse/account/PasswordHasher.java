package io.gatehouse.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Map;

/**
 * Jakarta Security's PBKDF2 with the OWASP 2026 parameters; its own default is only SHA-256 x 2048.
 * Passwords are NFKC-normalized first, so the same password typed on another keyboard still matches.
 * Every hash, the decoy included, waits for one of the {@link HashingSlots}; a wait too long throws
 * {@link TooBusyException}.
 */
@ApplicationScoped
public class PasswordHasher {

    static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    static final int ITERATIONS = 220_000;
    /** Under {@link BenchCheapHash} only. Soteria refuses fewer than 1,024. */
    static final int CHEAP_ITERATIONS = 1_024;
    static final int SALT_BYTES = 32;
    static final int KEY_BYTES = 64;

    private final Pbkdf2PasswordHash pbkdf2;
    private final int iterations;
    private final String dummyHash;
    private final HashingSlots slots;

    @Inject
    public PasswordHasher(Pbkdf2PasswordHash pbkdf2) {
        this(pbkdf2, BenchCheapHash.isOn() ? CHEAP_ITERATIONS : ITERATIONS);
    }

    PasswordHasher(Pbkdf2PasswordHash pbkdf2, int iterations) {
        this(pbkdf2, iterations, HashingSlots.onePerCore());
    }

    PasswordHasher(Pbkdf2PasswordHash pbkdf2, int iterations, HashingSlots slots) {
        this.pbkdf2 = pbkdf2;
        this.iterations = iterations;
        this.slots = slots;
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", String.valueOf(SALT_BYTES),
                "Pbkdf2PasswordHash.KeySizeBytes", String.valueOf(KEY_BYTES)));
        this.dummyHash = storedPrefix() + randomBase64(SALT_BYTES) + ":" + randomBase64(KEY_BYTES);
    }

    /** For the CDI proxy only. */
    protected PasswordHasher() {
        this.pbkdf2 = null;
        this.iterations = 0;
        this.dummyHash = null;
        this.slots = null;
    }

    public String hash(String password) {
        return slots.run(() -> pbkdf2.generate(normalize(password)));
    }

    /**
     * A stored hash weaker than the ones made here never matches: Soteria would take the count each hash carries,
     * so an account made under the bench switch could otherwise sign in on a production start.
     */
    public boolean verify(String password, String storedHash) {
        if (iterationsOf(storedHash) < iterations) {
            verifyAgainstNothing(password);
            return false;
        }
        return slots.run(() -> pbkdf2.verify(normalize(password), storedHash));
    }

    /**
     * Costs what {@link #verify} costs, so that an unknown name cannot be told from a wrong password by time. The
     * hash it checks against has the shape of ours, with random bytes for salt and key: verifying it is one key
     * derivation with our algorithm, iterations and lengths, as a real one is, and no password matches it. Made
     * without hashing, so start-up does not wait for it. It queues for a slot as a real one does, so a busy server
     * does not tell them apart either.
     */
    public void verifyAgainstNothing(String password) {
        slots.run(() -> pbkdf2.verify(normalize(password), dummyHash));
    }

    public boolean isCheap() {
        return iterations < ITERATIONS;
    }

    /** How every hash made here begins: {@code PBKDF2WithHmacSHA512:220000:}. */
    public String storedPrefix() {
        return ALGORITHM + ":" + iterations + ":";
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

    private static String randomBase64(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The hash {@link #verifyAgainstNothing} checks against, for tests of its shape. */
    String dummyHash() {
        return dummyHash;
    }
}
